using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Cards.Resources;
using static ConversationBot.Cards.CardElements;

namespace ConversationBot.Cards;

/// <summary>Opening hours and contact details. The values come from configuration; the card owns only the headings.</summary>
public static class ContactCard
{
    public static JsonObject Build(ContactCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(model.OpeningHours);
        ArgumentNullException.ThrowIfNull(model.AddressLines);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.Phone);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.Email);

        var body = new JsonArray
        {
            TextBlock(CardStrings.Get("Contact_Title", culture), size: "Medium", weight: "Bolder"),
        };

        if (model.OpeningHours.Count > 0)
        {
            body.Add(Heading("Contact_OpeningHours", culture));
            body.Add(FactSet(model.OpeningHours.Select(row => (row.Days, row.Hours ?? CardStrings.Get("Contact_Closed", culture))), spacing: "Small"));
        }

        body.Add(FactSet(
            [
                (CardStrings.Get("Contact_Phone", culture), model.Phone),
                (CardStrings.Get("Contact_Email", culture), model.Email),
            ]));

        if (model.AddressLines.Count > 0)
        {
            body.Add(Heading("Contact_Address", culture));
            // One TextBlock per line: a line break inside one block is markdown-dependent per channel.
            foreach (var line in model.AddressLines)
            {
                body.Add(TextBlock(line, spacing: "None"));
            }
        }

        var actions = new JsonArray();
        if (model.WebsiteUrl is not null)
        {
            actions.Add(OpenUrl(CardStrings.Get("Action_VisitWebsite", culture), model.WebsiteUrl));
        }

        return AdaptiveCard.Create(body, actions);
    }

    private static JsonObject Heading(string name, CultureInfo culture) =>
        TextBlock(CardStrings.Get(name, culture), weight: "Bolder");
}
