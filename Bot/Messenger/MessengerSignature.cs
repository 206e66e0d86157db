using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Checks X-Hub-Signature-256 ("sha256=" and the hex HMAC-SHA256 of the body, keyed with the app
/// secret) over the raw bytes, before anything is parsed. Meta says it signs the body with
/// non-ASCII characters escaped as lowercase \uXXXX, while its own sample hashes the raw bytes; so
/// the raw bytes are tried first and, only when they fail and the body has non-ASCII text, the
/// body re-escaped that way (UTF-16 units: an emoji is two escapes). Comparisons are constant-time.
/// </summary>
public static class MessengerSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <summary>The header value Meta would send for <paramref name="body"/>; tests sign samples with it.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    public static MessengerSignatureCheck Verify(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return MessengerSignatureCheck.Missing;
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return MessengerSignatureCheck.Malformed;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return MessengerSignatureCheck.Malformed;
        }

        var key = Encoding.UTF8.GetBytes(appSecret);
        if (CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), expected))
        {
            return MessengerSignatureCheck.Valid;
        }

        var escaped = EscapeNonAscii(body);
        return escaped is not null && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, escaped), expected)
            ? MessengerSignatureCheck.Valid
            : MessengerSignatureCheck.Mismatch;
    }

    /// <summary>
    /// The body with every non-ASCII UTF-16 unit written as a lowercase \uXXXX escape; null when
    /// there is nothing to escape (then it is the same body) or the bytes are not UTF-8. JSON
    /// syntax is ASCII, so non-ASCII text only occurs inside strings, where the escape means the same.
    /// </summary>
    public static byte[]? EscapeNonAscii(ReadOnlySpan<byte> body)
    {
        if (Ascii.IsValid(body))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var escaped = new StringBuilder(text.Length + 64);
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return Encoding.ASCII.GetBytes(escaped.ToString());
    }
}
