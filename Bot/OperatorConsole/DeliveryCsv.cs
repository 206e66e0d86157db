using System.Globalization;
using System.Text;
using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// A campaign's deliveries as CSV (RFC 4180: comma, double quotes, CRLF). A cell that a spreadsheet
/// would run as a formula (starting with =, +, -, @, tab or carriage return; a platform's error text can)
/// gets a leading apostrophe, so opening the export never runs anything.
/// </summary>
public static class DeliveryCsv
{
    public const string Header = "subscription_id,channel_id,customer_id,state,reason,detail,attempts,claimed_at,completed_at,next_eligible_at";

    public static string Row(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Join(',', new[]
        {
            record.SubscriptionId,
            record.ChannelId,
            record.CustomerId,
            record.State.ToString(),
            record.Reason,
            record.Detail,
            record.Attempts.ToString(CultureInfo.InvariantCulture),
            Instant(record.ClaimedAt),
            Instant(record.CompletedAt),
            Instant(record.NextEligibleAt),
        }.Select(Cell));
    }

    private static string? Instant(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) < 0
            ? value
            : new StringBuilder("\"").Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
