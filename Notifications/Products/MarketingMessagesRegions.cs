using ConversationBot.Notifications.Profiles;

namespace ConversationBot.Notifications.Products;

/// <summary>
/// Where Meta's Marketing Messages API works (docs/marketing-messages.md §1): the business must be in
/// one of 20 regions (campaign creation is refused elsewhere: 2300030, 2300031), and it reaches
/// subscribers anywhere except the five regions Recurring Notifications keeps (refused per token:
/// 2300032). Codes as <see cref="RegionCode"/> writes them (EU members as EU, GB as UK).
/// </summary>
public static class MarketingMessagesRegions
{
    /// <summary>Australia, Brazil, Chile, Colombia, Hong Kong, India, Indonesia, Israel, Malaysia, Mexico, New Zealand, Peru, Philippines, Saudi Arabia, Singapore, Taiwan, Thailand, United Arab Emirates, United States, Vietnam.</summary>
    public static IReadOnlySet<string> BusinessRegions { get; } = new HashSet<string>(
        ["AU", "BR", "CL", "CO", "HK", "IN", "ID", "IL", "MY", "MX", "NZ", "PE", "PH", "SA", "SG", "TW", "TH", "AE", "US", "VN"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The subscriber regions Marketing Messages refuses: exactly the five Recurring Notifications keeps.</summary>
    public static IReadOnlySet<string> ExcludedSubscriberRegions { get; } = new HashSet<string>(["AU", "EU", "JP", "KR", "UK"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a business located in <paramref name="region"/> may send marketing messages; an unset region may not (campaign creation checks it).</summary>
    public static bool AcceptsBusinessIn(string? region) =>
        !string.IsNullOrWhiteSpace(region) && BusinessRegions.Contains(RegionCode.Normalize(region));
}
