using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>
/// Reads a webhook body into its events, or says what is wrong with it by JSON path and position
/// (<c>$.entry[0].messaging[1].timestamp</c>), never by the names of our types.
/// </summary>
public static class WebhookReader
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static bool TryRead(
        ReadOnlyMemory<byte> body,
        [NotNullWhen(true)] out WebhookPayload? payload,
        [NotNullWhen(true)] out IReadOnlyList<MessagingEvent>? events,
        [NotNullWhen(false)] out string? error)
    {
        // RFC 8259 lets a receiver ignore a UTF-8 byte-order mark; the signature was checked over the bytes as sent.
        var json = body.Span.StartsWith(ByteOrderMark) ? body[ByteOrderMark.Length..] : body;
        payload = null;
        events = null;
        string path = "$";
        try
        {
            var read = JsonSerializer.Deserialize<WebhookPayload>(json.Span, MessengerJson.Options);
            if (read is null)
            {
                error = "the body is null, where an object with \"object\" and \"entry\" belongs.";
                return false;
            }

            var all = new List<MessagingEvent>();
            var entries = read.Entry ?? [];
            for (var e = 0; e < entries.Count; e++)
            {
                var messaging = entries[e]?.Messaging ?? [];
                for (var m = 0; m < messaging.Count; m++)
                {
                    path = $"$.entry[{e}].messaging[{m}]";
                    all.Add(MessagingEvent.Read(messaging[m]));
                }
            }

            payload = read;
            events = all;
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = Describe(ex, path);
            return false;
        }
    }

    private static string Describe(JsonException exception, string eventPath)
    {
        if (exception.Path is null)
        {
            // One of ours (MessagingEvent.Read): its message is written for people.
            return $"{exception.Message} ({eventPath})";
        }

        // The serializer's own message names .NET types: say where instead.
        var where = eventPath == "$" ? exception.Path : eventPath + exception.Path.TrimStart('$');
        return exception.LineNumber is { } line
            ? $"malformed JSON or a value of the wrong type at {where} (line {line + 1}, byte {exception.BytePositionInLine})."
            : $"malformed JSON or a value of the wrong type at {where}.";
    }
}
