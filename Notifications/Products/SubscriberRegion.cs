namespace ConversationBot.Notifications.Products;

/// <summary>
/// Where a subscriber is, as far as their opt-in tells: Messenger sends no country, only the
/// <c>notification_messages_timezone</c> (an IANA zone) with the opt-in (docs/messenger-platform.md §3).
/// The zone places a subscriber inside or outside Recurring Notifications' five regions well enough to
/// choose the product to try first; Meta decides per token and says so when it refuses (2300032), and
/// that answer is kept on the subscription and beats this guess (<see cref="ProductRouter"/>).
/// </summary>
public sealed record SubscriberRegion(SubscriberRegionKind Kind, string? Code, string Basis)
{
    // The zones of the EU's member states, including the outermost regions that are EU territory
    // (Canaries, Madeira, Azores, Ceuta, the French overseas departments).
    private static readonly HashSet<string> EuZones = new(StringComparer.OrdinalIgnoreCase)
    {
        "Europe/Vienna", "Europe/Brussels", "Europe/Sofia", "Europe/Zagreb", "Asia/Nicosia", "Europe/Nicosia", "Asia/Famagusta",
        "Europe/Prague", "Europe/Copenhagen", "Europe/Tallinn", "Europe/Helsinki", "Europe/Mariehamn", "Europe/Paris",
        "Europe/Berlin", "Europe/Busingen", "Europe/Athens", "Europe/Budapest", "Europe/Dublin", "Eire", "Europe/Rome",
        "Europe/Riga", "Europe/Vilnius", "Europe/Luxembourg", "Europe/Malta", "Europe/Amsterdam", "Europe/Warsaw", "Poland",
        "Europe/Lisbon", "Portugal", "Atlantic/Madeira", "Atlantic/Azores", "Europe/Bucharest", "Europe/Bratislava",
        "Europe/Ljubljana", "Europe/Madrid", "Atlantic/Canary", "Africa/Ceuta", "Europe/Stockholm",
        "America/Cayenne", "America/Guadeloupe", "America/Martinique", "Indian/Reunion", "Indian/Mayotte", "America/Marigot",
    };

    private static readonly HashSet<string> UkZones = new(StringComparer.OrdinalIgnoreCase) { "Europe/London", "Europe/Belfast", "GB", "GB-Eire" };

    private static readonly HashSet<string> JapanZones = new(StringComparer.OrdinalIgnoreCase) { "Asia/Tokyo", "Japan" };

    private static readonly HashSet<string> KoreaZones = new(StringComparer.OrdinalIgnoreCase) { "Asia/Seoul", "ROK" };

    // Australia's external territories keep their own zones.
    private static readonly HashSet<string> AustraliaZones = new(StringComparer.OrdinalIgnoreCase)
    {
        "Antarctica/Macquarie", "Pacific/Norfolk", "Indian/Christmas", "Indian/Cocos",
    };

    // EEA outside the EU, Switzerland, the Crown Dependencies, Gibraltar and the microstates inside the EU's borders: whether Meta's "EU" includes them is not stated.
    private static readonly HashSet<string> UnclearZones = new(StringComparer.OrdinalIgnoreCase)
    {
        "Europe/Oslo", "Arctic/Longyearbyen", "Atlantic/Jan_Mayen", "Atlantic/Reykjavik", "Iceland", "Europe/Vaduz", "Europe/Zurich",
        "Europe/Guernsey", "Europe/Jersey", "Europe/Isle_of_Man", "Europe/Gibraltar", "Europe/Monaco", "Europe/San_Marino",
        "Europe/Vatican", "Europe/Andorra",
    };

    public static SubscriberRegion Unknown { get; } = new(SubscriberRegionKind.Unknown, null, "no time zone that names a place");

    /// <summary>The region an IANA zone id places a subscriber in.</summary>
    public static SubscriberRegion FromTimeZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return Unknown;
        }

        var zone = timeZoneId.Trim();
        string? code = zone switch
        {
            _ when EuZones.Contains(zone) => "EU",
            _ when UkZones.Contains(zone) => "UK",
            _ when JapanZones.Contains(zone) => "JP",
            _ when KoreaZones.Contains(zone) => "KR",
            _ when AustraliaZones.Contains(zone) || zone.StartsWith("Australia/", StringComparison.OrdinalIgnoreCase) => "AU",
            _ => null,
        };
        if (code is not null)
        {
            return new(SubscriberRegionKind.InFiveRegions, code, $"time zone {zone}");
        }

        if (UnclearZones.Contains(zone))
        {
            return new(SubscriberRegionKind.Unclear, null, $"time zone {zone} (whether Meta counts it as EU is not stated)");
        }

        // UTC, GMT, Etc/GMT+3 and the like name an offset, not a place.
        if (!zone.Contains('/', StringComparison.Ordinal) || zone.StartsWith("Etc/", StringComparison.OrdinalIgnoreCase))
        {
            return new(SubscriberRegionKind.Unknown, null, $"time zone {zone} names no place");
        }

        return new(SubscriberRegionKind.Elsewhere, null, $"time zone {zone}");
    }

    public override string ToString() => Kind switch
    {
        SubscriberRegionKind.InFiveRegions => $"{Code} ({Basis})",
        SubscriberRegionKind.Elsewhere => $"outside AU, EU, JP, KR, UK ({Basis})",
        _ => Basis,
    };
}
