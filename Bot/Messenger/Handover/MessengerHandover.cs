using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Notifications.Window;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Handover;

/// <summary>
/// The handover protocol's events (webhook field <c>messaging_handovers</c>): the thread passed back to
/// the bot (the Page Inbox is done) ends the hand-off and the bot greets the customer again, in their
/// language, inside the 24-hour window; the inbox taking a thread is logged (the customer's messages
/// then come on the standby channel, and the bot answers none); another app's request for a thread the
/// bot holds is logged and answered by <c>Handoff:ThreadControlRequests</c>. Texts are never logged.
/// </summary>
public sealed partial class MessengerHandover(
    IHandoffStore handoffs,
    IHandoffTranscriptStore transcripts,
    IMessagingWindowStore windows,
    MessengerSendClient send,
    HandoffOptions options,
    IOptions<MessengerOptions> messenger,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<MessengerHandover> logger)
{
    public async Task HandleAsync(MessagingEvent handover, MessengerOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(outbox);
        var psid = handover.Sender?.Id ?? string.Empty;
        if (handover.PassThreadControl is { } passed)
        {
            await ThreadPassedBackAsync(psid, Field(passed, "previous_owner_app_id"), outbox, cancellationToken).ConfigureAwait(false);
        }
        else if (handover.TakeThreadControl is { } taken)
        {
            var newOwner = Field(taken, "new_owner_app_id");
            LogTakenFromBot(logger, psid, newOwner);
        }
        else if (handover.RequestThreadControl is { } requested)
        {
            var requester = Field(requested, "requested_owner_app_id");
            LogRequested(logger, psid, requester, options.ThreadControlRequests);
            if (options.ThreadControlRequests == ThreadControlRequestPolicy.Pass && !string.IsNullOrEmpty(requester))
            {
                await send.PassThreadControlAsync(psid, requester, "requested", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ThreadPassedBackAsync(string psid, string? from, MessengerOutbox outbox, CancellationToken cancellationToken)
    {
        var handoff = await handoffs.FindAsync(MessengerActivityFactory.ChannelId, psid, cancellationToken).ConfigureAwait(false);
        if (handoff is not null)
        {
            await handoffs.ReleaseAsync(MessengerActivityFactory.ChannelId, psid, cancellationToken).ConfigureAwait(false);
        }

        var back = Texts.For(CultureOf(handoff))[nameof(DialogStrings.Handoff_Released)];
        var now = time.GetUtcNow();
        var window = await windows.GetAsync(MessengerActivityFactory.ChannelId, psid, cancellationToken).ConfigureAwait(false);
        var sent = window.IsOpenAt(now);
        if (sent)
        {
            var message = new JsonObject { ["text"] = back };
            await outbox.SendOnceAsync(message, () => send.SendResponseAsync(psid, message, cancellationToken)).ConfigureAwait(false);
        }

        if (handoff is not null)
        {
            await transcripts.AppendAsync(handoff, [new TranscriptEntry(now, TranscriptAuthor.Bot, back) { Note = sent ? null : "not sent: more than 24 hours since the customer's last message" }], cancellationToken).ConfigureAwait(false);
        }

        LogPassedBack(logger, psid, from, handoff is not null, sent);
    }

    private CultureInfo CultureOf(Handoff? handoff)
    {
        var language = handoff?.Language ?? messenger.Value.Locale;
        return string.IsNullOrWhiteSpace(language) ? bot.Value.FallbackCulture : SupportedCultures.Resolve(language, bot.Value.FallbackCulture);
    }

    private static string? Field(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover: app {From} passed the thread of {Psid} back to the bot (hand-off open: {WasOpen}; greeted: {Greeted})")]
    private static partial void LogPassedBack(ILogger logger, string psid, string? from, bool wasOpen, bool greeted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover: app {NewOwner} took the thread of {Psid}; the bot answers nothing there until it is passed back")]
    private static partial void LogTakenFromBot(ILogger logger, string psid, string? newOwner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover: app {Requester} asked for the thread of {Psid}; policy {Policy}")]
    private static partial void LogRequested(ILogger logger, string psid, string? requester, ThreadControlRequestPolicy policy);
}
