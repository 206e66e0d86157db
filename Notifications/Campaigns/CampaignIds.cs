using System.Globalization;
using System.Security.Cryptography;

namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// Campaign ids: they sort by creation time (listings need no ORDER BY on a timestamp), use only
/// characters every store accepts as a key, and a schedule's firing gets the same id on every
/// instance, so it is created once.
/// </summary>
public static class CampaignIds
{
    public static string New(DateTimeOffset now) =>
        $"c{now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    public static string ForScheduleFiring(string scheduleId, DateTimeOffset occurrence) =>
        $"s{occurrence.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}-{Sanitize(scheduleId)}";

    private static string Sanitize(string scheduleId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheduleId);
        return new string([.. scheduleId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
    }
}
