using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Turns keys into Cosmos DB ids. Ids may not contain <c>/ \ ? #</c> (they are URL path segments)
/// and are kept to <see cref="MaxIdLength"/> characters. Both mappings are stable (the same key is
/// the same id in every process and release) and collision-free:
/// <list type="bullet">
/// <item>escaping replaces each forbidden character, control characters and the escape character
/// <c>*</c> itself with <c>*</c> and two upper-case hex digits, so it can be undone and two keys never meet;</item>
/// <item>an escaped key longer than <see cref="MaxIdLength"/> becomes <c>*h</c> + the SHA-256 of the
/// escaped key; escaping never writes <c>*h</c> (lower-case h is no hex digit), so hashed and escaped
/// ids cannot meet either. Documents keep the original key, and readers compare it.</item>
/// </list>
/// </summary>
public static class CosmosIds
{
    /// <summary>Cosmos DB allows 1,023 bytes; 255 characters was the old limit and still fits every tool and index path.</summary>
    public const int MaxIdLength = 255;

    private const char Escape = '*';

    /// <summary>The id for a free-form key (a Bot Framework state key, a Messenger event key).</summary>
    public static string ForKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Bounded(EscapeText(key, escapeSeparator: false));
    }

    /// <summary>
    /// The id of a record of one <paramref name="kind"/> keyed by several parts ("window", channel, customer):
    /// the parts' separator <c>|</c> is escaped inside each part, so (a|b, c) and (a, b|c) differ.
    /// </summary>
    public static string Compose(string kind, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new StringBuilder(kind);
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            builder.Append('|').Append(EscapeText(part, escapeSeparator: true));
        }

        return Bounded(builder.ToString());
    }

    private static string EscapeText(string text, bool escapeSeparator)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var mustEscape = c is '/' or '\\' or '?' or '#' or Escape || char.IsControl(c) || (escapeSeparator && c == '|');
            if (mustEscape)
            {
                escaped ??= new StringBuilder(text, 0, i, text.Length + 8);
                escaped.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? text;
    }

    private static string Bounded(string escaped) =>
        escaped.Length <= MaxIdLength
            ? escaped
            : Escape + "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(escaped)));
}
