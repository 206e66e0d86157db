using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>
/// Reads a webhook body into its events before any of them runs. A body that is not a webhook
/// payload at all is refused whole, described by JSON path and position (<c>$.entry[0]</c>), never
/// by the names of our types. Within a payload, every event is read and checked on its own
/// (<see cref="MessagingEventCheck"/>): one that cannot be read or run comes back with its problem,
/// to be set aside, and the others run.
/// </summary>
public static class WebhookReader
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static bool TryRead(
        ReadOnlyMemory<byte> body,
        [NotNullWhen(true)] out WebhookPayload? payload,
        [NotNullWhen(true)] out IReadOnlyList<WebhookEvent>? events,
        [NotNullWhen(false)] out string? error)
    {
        // RFC 8259 lets a receiver ignore a UTF-8 byte-order mark; the signature was checked over the bytes as sent.
        var json = body.Span.StartsWith(ByteOrderMark) ? body[ByteOrderMark.Length..] : body;

        // Bytes that are not UTF-8 become U+FFFD, so the rest of the batch can still be read; the event they are in is set aside.
        var brokenBytes = !Utf8.IsValid(json.Span);
        if (brokenBytes)
        {
            json = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json.Span));
        }

        payload = null;
        events = null;
        try
        {
            var read = JsonSerializer.Deserialize<WebhookPayload>(json.Span, MessengerJson.Options);
            if (read is null)
            {
                error = "the body is null, where an object with \"object\" and \"entry\" belongs.";
                return false;
            }

            var all = new List<WebhookEvent>();
            var entries = read.Entry ?? [];
            for (var e = 0; e < entries.Count; e++)
            {
                var messaging = entries[e]?.Messaging ?? [];
                for (var m = 0; m < messaging.Count; m++)
                {
                    all.Add(ReadEvent(messaging[m], $"$.entry[{e}].messaging[{m}]", brokenBytes));
                }

                var standby = entries[e]?.Standby ?? [];
                for (var s = 0; s < standby.Count; s++)
                {
                    all.Add(ReadEvent(AsStandbyEvent(standby[s]), $"$.entry[{e}].standby[{s}]", brokenBytes));
                }

                var changes = entries[e]?.Changes ?? [];
                for (var c = 0; c < changes.Count; c++)
                {
                    if (AsCommentEvent(changes[c], entries[e]!.Id) is { } comment)
                    {
                        all.Add(ReadEvent(comment, $"$.entry[{e}].changes[{c}]", brokenBytes));
                    }
                }
            }

            payload = read;
            events = all;
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = Describe(ex, "$");
            return false;
        }
    }

    /// <summary>An event as the event log stored it (its JSON as it came), read again to run it.</summary>
    public static WebhookEvent ReadStored(string raw)
    {
        try
        {
            return ReadEvent(JsonSerializer.Deserialize<JsonElement>(raw, MessengerJson.Options), "$", brokenBytes: false);
        }
        catch (JsonException ex)
        {
            return new WebhookEvent(KeyOfUnreadable(raw), raw, null, Describe(ex, "$"));
        }
    }

    private static WebhookEvent ReadEvent(JsonElement element, string path, bool brokenBytes)
    {
        var raw = element.GetRawText();
        MessagingEvent read;
        try
        {
            read = MessagingEvent.Read(element);
        }
        catch (JsonException ex)
        {
            return new WebhookEvent(KeyOfUnreadable(raw), raw, null, Describe(ex, path));
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json's answer to an escaped lone surrogate read into a string.
            return new WebhookEvent(KeyOfUnreadable(raw), raw, null, $"{path}: a string is not valid Unicode (a lone surrogate)");
        }

        var problem = MessagingEventCheck.ProblemOf(read, element, brokenBytes);
        return new WebhookEvent(
            problem is null ? MessengerEventKey.For(read) : KeyOfUnreadable(raw),
            raw,
            read,
            problem is null ? null : $"{path}: {problem}");
    }

    /// <summary>
    /// A standby event as stored: the event with <c>"standby": true</c> added, so its turn (also when the
    /// event log runs it again later) knows another app holds the thread. Not an object: as it came.
    /// </summary>
    private static JsonElement AsStandbyEvent(JsonElement standby)
    {
        if (standby.ValueKind != JsonValueKind.Object)
        {
            return standby;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var property in standby.EnumerateObject().Where(p => p.Name != "standby"))
            {
                property.WriteTo(writer);
            }

            writer.WriteBoolean("standby", true);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A <c>feed</c> change as a messaging event (sender the commenter, recipient the Page, the change's
    /// value as <c>comment</c>), so the event log, the sender's line and the runner treat it as any
    /// other event; other changes (and changes that are no object) give null: nothing to do.
    /// </summary>
    private static JsonElement? AsCommentEvent(JsonElement change, string? pageId)
    {
        if (change.ValueKind != JsonValueKind.Object
            || !change.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String || field.GetString() != "feed"
            || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var comment = WebhookComment.Read(value)!;
        var created = comment.CreatedTime is >= 0 and < MessagingEventCheck.MaxUnixMilliseconds / 1000 ? comment.CreatedTime.Value * 1000 : 0;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("sender");
            writer.WriteString("id", comment.FromId);
            writer.WriteEndObject();
            writer.WriteStartObject("recipient");
            writer.WriteString("id", pageId);
            writer.WriteEndObject();
            writer.WriteNumber("timestamp", created);
            writer.WritePropertyName("comment");
            value.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    // An event that cannot be read has no id of its own; the same bytes redelivered are the same event.
    private static string KeyOfUnreadable(string raw) =>
        "raw:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));

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
