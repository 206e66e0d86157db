using System.ComponentModel.DataAnnotations;

namespace ConversationBot.Dialogs.Shop;

/// <summary>What the bot says about the shop: contact, opening hours, returns and offers. Configuration, not code.</summary>
public sealed class ShopOptions
{
    public const string SectionName = "Shop";

    [Required]
    public string Name { get; init; } = string.Empty;

    public Uri? WebsiteUrl { get; init; }

    [Required]
    public string Phone { get; init; } = string.Empty;

    [Required]
    public string Email { get; init; } = string.Empty;

    /// <summary>One line each: street, postcode and town.</summary>
    public List<string> AddressLines { get; init; } = [];

    public List<OpeningHoursEntry> OpeningHours { get; init; } = [];

    /// <summary>
    /// The zone the opening hours are in (an IANA id such as "Europe/Zurich"); required once an entry
    /// names its <c>Weekdays</c>, so the bot can tell a waiting customer when a person will answer.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>Days the shop is closed whatever the weekday (public holidays, e.g. "2026-12-25"), in <see cref="TimeZone"/>.</summary>
    public List<string> ClosedDates { get; init; } = [];

    [Required]
    public LocalizedText Returns { get; init; } = [];

    public Uri? ReturnsUrl { get; init; }

    public List<Offer> Offers { get; init; } = [];
}
