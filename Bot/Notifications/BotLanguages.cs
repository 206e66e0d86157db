using ConversationBot.Bot.BotFramework;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Notifications.Languages;

namespace ConversationBot.Bot.Notifications;

/// <summary>
/// The domain's <see cref="SubscriberLanguages"/>: the bot's cultures (Dialogs/Localization/SupportedCultures.cs)
/// and <c>Bot:FallbackLanguage</c> read from configuration, not from the validated <see cref="BotOptions"/>:
/// a settings check that needs the languages (the schedules') would otherwise stop the start-up at the
/// first wrong setting instead of listing them all (Bot/Hosting/SettingsProblems.cs). A fallback the bot
/// does not speak is reported by <see cref="BotOptions"/>' own check; until then English stands in.
/// </summary>
public static class BotLanguages
{
    public static SubscriberLanguages From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var codes = SupportedCultures.All.Select(c => c.TwoLetterISOLanguageName).ToList();
        var configured = configuration[$"{BotOptions.SectionName}:{nameof(BotOptions.FallbackLanguage)}"];
        var fallback = configured is not null && codes.Contains(configured.Trim(), StringComparer.Ordinal) ? configured.Trim() : new BotOptions().FallbackLanguage;
        return new SubscriberLanguages(codes, fallback);
    }
}
