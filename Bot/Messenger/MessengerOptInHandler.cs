using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Telemetry;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Notifications.Consent;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Records a Messenger opt-in, stop or resume. Messenger itself confirms these to the person, so
/// nothing is said and no turn of the bot runs: the webhook's event goes straight from
/// <see cref="MessengerOptIn"/> to the consent service. The webhook names no language, so an opt-in
/// is in the Page's (<c>Messenger:Locale</c>), else <c>Bot:FallbackLanguage</c>, the same rule the
/// Messenger turns speak by (Bot/Messenger/MessengerActivityFactory.cs gives them that locale).
/// </summary>
public sealed partial class MessengerOptInHandler(
    ConsentService consent, BotTelemetry telemetry, IOptions<MessengerOptions> messenger, IOptions<BotOptions> bot, ILogger<MessengerOptInHandler> logger)
{
    public async Task HandleAsync(ConsentEvent consentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consentEvent);
        var language = SupportedCultures.Resolve(messenger.Value.Locale, bot.Value.FallbackCulture).TwoLetterISOLanguageName;
        consentEvent = consentEvent.InLanguage(language);
        var outcome = await consent.ApplyAsync(consentEvent, cancellationToken).ConfigureAwait(false);
        LogConsent(logger, consentEvent.Kind, outcome.Kind, outcome.TopicId, outcome.Explanation);
        if (consentEvent.Kind == ConsentEventKind.OptIn && outcome.Kind is ConsentOutcomeKind.Created or ConsentOutcomeKind.Updated && outcome.TopicId is { } topicId)
        {
            ((IOptInTelemetry)telemetry).OfferAnswered(MessengerActivityFactory.ChannelId, topicId, accepted: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Messenger consent event {EventKind}: {Outcome} for topic {TopicId} ({Explanation})")]
    private static partial void LogConsent(ILogger logger, ConsentEventKind eventKind, ConsentOutcomeKind outcome, string? topicId, string explanation);
}
