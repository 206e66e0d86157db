using System.Globalization;
using ConversationBot.Dialogs.Localization;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// The language of a turn, decided once and kept with the turn, so the bot, its dialogs and the
/// adapters' apology after a failure all speak the same one: the conversation's language
/// (<see cref="ConversationLanguage"/>) once the bot has decided it, else the activity's locale reduced
/// to a supported culture, else the configured fallback.
/// </summary>
public static class TurnCulture
{
    private const string Key = "ConversationBot.TurnCulture";

    /// <summary>Makes <paramref name="culture"/> the turn's language.</summary>
    public static CultureInfo Use(ITurnContext turnContext, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[Key] = culture;
        return culture;
    }

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
