using System.Globalization;
using ConversationBot.Dialogs.Localization;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// The language of a turn, resolved once (the activity's locale reduced to a supported culture,
/// else the configured fallback) and kept with the turn, so the bot, its dialogs and the adapters'
/// apology after a failure all speak the same one.
/// </summary>
public static class TurnCulture
{
    private const string Key = "ConversationBot.TurnCulture";

    public static CultureInfo Of(ITurnContext turnContext, CultureInfo fallback)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.TryGetValue(Key, out var known) && known is CultureInfo culture)
        {
            return culture;
        }

        culture = SupportedCultures.Resolve(turnContext.Activity.Locale, fallback);
        turnContext.TurnState[Key] = culture;
        return culture;
    }
}
