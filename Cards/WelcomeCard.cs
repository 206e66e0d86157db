using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Cards.Resources;
using static ConversationBot.Cards.CardElements;

namespace ConversationBot.Cards;

/// <summary>
/// The first thing a customer sees. Informational only: the dialogs send the menu as suggested
/// actions right after it, so buttons here would show every choice twice.
/// </summary>
public static class WelcomeCard
{
    /// <summary>The longest name greeted: the channel sends whatever the client set, and a greeting is one line.</summary>
    public const int MaxNameLength = 40;

    public static JsonObject Build(WelcomeCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(culture);

        var greeting = string.IsNullOrWhiteSpace(model.CustomerName)
            ? CardStrings.Get("Welcome_Greeting", culture)
            : CardStrings.Format("Welcome_GreetingNamed", culture, Clip(model.CustomerName.Trim()));

        var body = new JsonArray
        {
            TextBlock(greeting, size: "Large", weight: "Bolder"),
            TextBlock(CardStrings.Get("Welcome_Capabilities", culture)),
            TextBlock(CardStrings.Get("Welcome_More", culture), spacing: "Small"),
            TextBlock(CardStrings.Get("Welcome_Prompt", culture), subtle: true),
        };

        var actions = new JsonArray();
        if (model.WebsiteUrl is not null)
        {
            actions.Add(OpenUrl(CardStrings.Get("Action_VisitWebsite", culture), model.WebsiteUrl));
        }

        return AdaptiveCard.Create(body, actions);
    }

    private static string Clip(string name)
    {
        if (name.Length <= MaxNameLength)
        {
            return name;
        }

        // Room for the ellipsis, and never between the two halves of a surrogate pair.
        var cut = MaxNameLength - 1;
        if (char.IsHighSurrogate(name[cut - 1]))
        {
            cut--;
        }

        return name[..cut].TrimEnd() + "…";
    }
}
