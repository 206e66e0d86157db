using System.Globalization;
using ConversationBot.Notifications.Periods;

namespace ConversationBot.Notifications.Timing;

/// <summary>
/// The <c>Delivery</c> settings of when a message reaches a subscriber: <c>Delivery:QuietHours</c>
/// (default 21:00 to 08:00; equal start and end: none) and <c>Delivery:FallbackTimeZone</c>, the zone of
/// subscribers whose channel gave none (IANA id, default UTC). Checked at start-up with every problem named.
/// </summary>
public sealed class TimingOptions
{
    public const string SectionName = "Delivery";

    public QuietHoursOptions QuietHours { get; set; } = new();

    public string FallbackTimeZone { get; set; } = "UTC";

    public IEnumerable<string> Problems()
    {
        if (!TryTime(QuietHours?.Start, out _))
        {
            yield return $"{SectionName}:QuietHours:Start must be a time of day as HH:mm, e.g. 21:00";
        }

        if (!TryTime(QuietHours?.End, out _))
        {
            yield return $"{SectionName}:QuietHours:End must be a time of day as HH:mm, e.g. 08:00";
        }

        if (!TryZone(FallbackTimeZone, out _))
        {
            yield return $"{SectionName}:FallbackTimeZone must be an IANA time zone this machine knows, e.g. Europe/Zurich";
        }
    }

    /// <summary>The validated settings as the domain's timing; throws on settings <see cref="Problems"/> refuses.</summary>
    public RecipientTiming ToRecipientTiming()
    {
        var problems = Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        TryTime(QuietHours.Start, out var start);
        TryTime(QuietHours.End, out var end);
        TryZone(FallbackTimeZone, out var zone);
        return new RecipientTiming(new QuietHours(start, end), zone!);
    }

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        // Resolve falls back for an unknown id; the sentinel tells that apart from a real zone.
        var sentinel = TimeZoneInfo.CreateCustomTimeZone("unknown", TimeSpan.Zero, "unknown", "unknown");
        var resolved = SubscriberTimeZone.Resolve(id, sentinel);
        zone = ReferenceEquals(resolved, sentinel) ? null : resolved;
        return zone is not null;
    }
}
