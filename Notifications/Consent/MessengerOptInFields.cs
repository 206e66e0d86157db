using System.Diagnostics.CodeAnalysis;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Consent;

/// <summary>
/// Pure readings of <c>messaging_optins</c> field values (docs/messenger-platform.md §3) for the host's webhook
/// parser, kept here because they are rules, not JSON handling.
/// </summary>
public static class MessengerOptInFields
{
    /// <summary>Unix values above this are milliseconds: 10^11 seconds is the year 5138, 10^11 ms is 1973.</summary>
    public const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>
    /// <c>token_expiry_timestamp</c>, whose unit is undocumented: seconds or milliseconds, values
    /// above 10^11 read as milliseconds (docs/messenger-platform.md §3).
    /// </summary>
    public static DateTimeOffset ExpiryFromUnix(long value) =>
        value > MillisecondsThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);

    /// <summary>
    /// The event kind from <c>notification_messages_status</c>: absent means an opt-in; "STOP
    /// NOTIFICATIONS" and "STOP_NOTIFICATIONS" (space or underscore, any case) a stop; likewise RESUME.
    /// False for any other value, which the host should log and ignore.
    /// </summary>
    public static bool TryReadStatus(string? status, [NotNullWhen(true)] out ConsentEventKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(status))
        {
            kind = ConsentEventKind.OptIn;
            return true;
        }

        var normalized = status.Trim().Replace('_', ' ').ToUpperInvariant();
        kind = normalized switch
        {
            "STOP NOTIFICATIONS" => ConsentEventKind.Stop,
            "RESUME NOTIFICATIONS" => ConsentEventKind.Resume,
            _ => null,
        };
        return kind is not null;
    }

    /// <summary><c>notification_messages_frequency</c>: DAILY, WEEKLY, MONTHLY; null when absent or unknown.</summary>
    public static Frequency? ReadFrequency(string? value) =>
        Enum.TryParse<Frequency>(value?.Trim(), ignoreCase: true, out var frequency) && Enum.IsDefined(frequency) ? frequency : null;

    /// <summary><c>user_token_status</c>: REFRESHED means a re-opt-in renewed the token; NOT_REFRESHED is the default.</summary>
    public static bool IsRefreshed(string? userTokenStatus) =>
        string.Equals(userTokenStatus?.Trim(), "REFRESHED", StringComparison.OrdinalIgnoreCase);
}
