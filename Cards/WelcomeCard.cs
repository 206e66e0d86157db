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
    public static JsonObject Build(WelcomeCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(culture);

        var greeting = string.IsNullOrWhiteSpace(model.CustomerName)
            ? CardStrings.Get("Welcome_Greeting", culture)
            : CardStrings.Format("Welcome_GreetingNamed", culture, model.CustomerName.Trim());

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
}
