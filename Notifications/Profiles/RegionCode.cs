namespace ConversationBot.Notifications.Profiles;

/// <summary>
/// Region codes as the profiles name them (AU, EU, JP, KR, UK; docs/messenger-platform.md §1). An EU member's
/// ISO country code counts as EU and GB as UK, so the host may configure either.
/// </summary>
public static class RegionCode
{
    private static readonly HashSet<string> EuMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    public static string Normalize(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var code = region.Trim().ToUpperInvariant();
        return code switch
        {
            "GB" => "UK",
            _ when EuMembers.Contains(code) => "EU",
            _ => code,
        };
    }
}
