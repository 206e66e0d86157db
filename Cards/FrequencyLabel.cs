using System.Globalization;
using ConversationBot.Cards.Resources;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Cards;

/// <summary>
/// A topic's promise in plain words ("One message a week at most."): the opt-in offer and the
/// subscription list say it the same way, so what the customer agreed to is what they later read.
/// </summary>
internal static class FrequencyLabel
{
    public static string For(Frequency frequency, CultureInfo culture)
    {
        if (!Enum.IsDefined(frequency))
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency.");
        }
        return CardStrings.Get($"Frequency_{frequency}", culture);
    }
}
