namespace ConversationBot.Cards;

/// <summary>The shop's contact details, all from configuration; the card adds only the headings.</summary>
/// <param name="AddressLines">One line each, such as street, postcode and town.</param>
public sealed record ContactCardModel(
    IReadOnlyList<OpeningHours> OpeningHours,
    string Phone,
    string Email,
    IReadOnlyList<string> AddressLines,
    Uri? WebsiteUrl = null);
