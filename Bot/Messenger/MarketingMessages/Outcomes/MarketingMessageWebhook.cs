using System.Globalization;
using System.Text.Json;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;

/// <summary>
/// Reads Meta's Marketing Messages delivery webhooks out of a webhook body (docs/marketing-messages.md,
/// "Delivery webhooks"): <c>marketing_message_echoes</c>, <c>_deliveries</c>, <c>_reads</c>, <c>_clicks</c> and
/// <c>marketing_message_delivery_failed</c>. Meta documents only the inner object, so it is read both bare (the
/// whole body, <c>field</c> inside; a failure has no <c>field</c>) and inside <c>entry[].changes[].value</c>
/// with <c>field</c> beside it. Ids may be numbers or strings; a timestamp above 10^11 is milliseconds, else
/// seconds; one without a usable timestamp takes the time it arrived. An event that names no campaign or no
/// token cannot be matched to a message and comes back as a problem.
/// </summary>
public static class MarketingMessageWebhook
{
    private const long MillisecondsAbove = 100_000_000_000;

    private static readonly Dictionary<string, MarketingMessageStatus> Fields = new(StringComparer.Ordinal)
    {
        ["marketing_message_echoes"] = MarketingMessageStatus.Sent,
        ["marketing_message_deliveries"] = MarketingMessageStatus.Delivered,
        ["marketing_message_reads"] = MarketingMessageStatus.Read,
        ["marketing_message_clicks"] = MarketingMessageStatus.Clicked,
        ["marketing_message_delivery_failed"] = MarketingMessageStatus.Failed,
    };

    /// <summary>What a body holds of Marketing Messages: its reports, the events that could not be read (with where and why), and whether the whole body was one bare event.</summary>
    public sealed record Contents(IReadOnlyList<MarketingMessageReport> Reports, IReadOnlyList<string> Problems, bool IsBare)
    {
        public static Contents None { get; } = new([], [], false);

        public bool IsEmpty => Reports.Count == 0 && Problems.Count == 0;
    }

    /// <param name="receivedAt">When the body arrived: the time of an event whose own timestamp is missing.</param>
    public static Contents Read(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            // Not JSON at all: the Messenger reader answers it with a 400 that says where.
            return Contents.None;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Contents.None;
            }

            var reports = new List<MarketingMessageReport>();
            var problems = new List<string>();
            if (!root.TryGetProperty("entry", out var entries))
            {
                if (FieldOf(root, null) is not { } bareField)
                {
                    return Contents.None;
                }

                Add(root, bareField, "$", receivedAt, reports, problems);
                return new Contents(reports, problems, IsBare: true);
            }

            if (entries.ValueKind != JsonValueKind.Array)
            {
                return Contents.None;
            }

            var e = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
                {
                    var c = 0;
                    foreach (var change in changes.EnumerateArray())
                    {
                        if (change.ValueKind == JsonValueKind.Object
                            && change.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
                            && FieldOf(value, MessengerJson.StringOf(change, "field")) is { } field)
                        {
                            Add(value, field, $"$.entry[{e}].changes[{c}].value", receivedAt, reports, problems);
                        }

                        c++;
                    }
                }

                e++;
            }

            return new Contents(reports, problems, IsBare: false);
        }
    }

    /// <summary>The event's kind: the change's <c>field</c>, else its own, else a failure (the only kind Meta sends without one).</summary>
    private static string? FieldOf(JsonElement value, string? outerField)
    {
        var field = outerField ?? MessengerJson.StringOf(value, "field");
        if (field is not null)
        {
            return Fields.ContainsKey(field) ? field : null;
        }

        return value.TryGetProperty("messenger_subscription_token", out _) && value.TryGetProperty("error_message", out _)
            ? "marketing_message_delivery_failed"
            : null;
    }

    private static void Add(JsonElement value, string field, string path, DateTimeOffset receivedAt, List<MarketingMessageReport> reports, List<string> problems)
    {
        var campaign = IdOf(value, "message_id");
        var token = IdOf(value, "messenger_subscription_token");
        if (campaign is null || token is null)
        {
            problems.Add($"{path}: a {field} event without {(campaign is null ? "message_id" : "messenger_subscription_token")} cannot be matched to a message.");
            return;
        }

        reports.Add(new MarketingMessageReport(
            campaign,
            token,
            Fields[field],
            TimeOf(value) ?? receivedAt,
            IdOf(value, "marketing_message_tracking_id"),
            MessengerJson.StringOf(value, "error_message")));
    }

    /// <summary>A string, or a whole number written as one: Meta's samples write ids both ways.</summary>
    private static string? IdOf(JsonElement value, string name)
    {
        if (!value.TryGetProperty(name, out var id))
        {
            return null;
        }

        var text = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number when id.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static DateTimeOffset? TimeOf(JsonElement value)
    {
        if (IdOf(value, "timestamp") is not { } text || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp))
        {
            return null;
        }

        try
        {
            return stamp > MillisecondsAbove ? DateTimeOffset.FromUnixTimeMilliseconds(stamp) : DateTimeOffset.FromUnixTimeSeconds(stamp);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
