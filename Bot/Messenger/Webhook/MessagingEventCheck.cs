using System.Text.Json;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>
/// Everything a turn will read from an event, checked before any event of the POST runs: an event
/// that fails can never succeed, however often Meta redelivers it, so it is set aside with the
/// reason instead of run (docs/messenger-platform.md §7: an hour of failed deliveries unsubscribes
/// the app from the page).
/// </summary>
public static class MessagingEventCheck
{
    /// <summary>The largest instant .NET can hold, in Unix milliseconds (9999-12-31T23:59:59.999Z).</summary>
    public const long MaxUnixMilliseconds = 253_402_300_799_999;

    /// <summary>Page-scoped and page ids are decimal numbers; anything else is no address a reply could reach.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Why the event cannot be run, or null when it can.</summary>
    /// <param name="brokenBytes">The body had bytes that are not UTF-8, decoded as U+FFFD: such a character marks where.</param>
    public static string? ProblemOf(MessagingEvent messagingEvent, JsonElement raw, bool brokenBytes)
    {
        ArgumentNullException.ThrowIfNull(messagingEvent);
        if (InvalidText(raw, "$", brokenBytes) is { } path)
        {
            return $"{path} is not valid Unicode (a lone surrogate or a byte that is not UTF-8)";
        }

        if (messagingEvent.Timestamp is < 0 or > MaxUnixMilliseconds)
        {
            return $"timestamp {messagingEvent.Timestamp} is not an instant";
        }

        if (messagingEvent.Sender?.Id is { } sender && !IsId(sender))
        {
            return "sender.id is not a page-scoped id (digits, at most 64)";
        }

        if (messagingEvent.Recipient?.Id is { } recipient && !IsId(recipient))
        {
            return "recipient.id is not a page id (digits, at most 64)";
        }

        if (messagingEvent.Optin is { ValueKind: JsonValueKind.Object } optin
            && optin.TryGetProperty("token_expiry_timestamp", out var expiry)
            && expiry.ValueKind != JsonValueKind.Null
            && !(expiry.ValueKind == JsonValueKind.Number && expiry.TryGetInt64(out var value) && value is >= 0 and <= MaxUnixMilliseconds))
        {
            return $"optin.token_expiry_timestamp {expiry.GetRawText()} is not an instant";
        }

        return null;
    }

    private static bool IsId(string id) => id.Length is > 0 and <= MaxIdLength && id.All(char.IsAsciiDigit);

    /// <summary>The path of the first string (value or name) that is not valid UTF-16 or holds U+FFFD from a broken byte.</summary>
    private static string? InvalidText(JsonElement element, string path, bool brokenBytes)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryRead(() => element.GetString()!, out var text) && IsValid(text, brokenBytes) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryRead(() => property.Name, out var name) || !IsValid(name, brokenBytes))
                    {
                        return $"{path}.?";
                    }

                    if (InvalidText(property.Value, $"{path}.{name}", brokenBytes) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (InvalidText(item, $"{path}[{index++}]", brokenBytes) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // System.Text.Json refuses to turn an escaped lone surrogate ("\ud800") into a string, value or name.
    private static bool TryRead(Func<string> read, out string text)
    {
        try
        {
            text = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    // The reader decodes bytes that are not UTF-8 as U+FFFD (WebhookReader): in such a body, a U+FFFD marks one.
    private static bool IsValid(string text, bool brokenBytes)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (brokenBytes && c == '\uFFFD')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
