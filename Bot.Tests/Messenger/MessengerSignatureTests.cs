using System.Text;
using ConversationBot.Bot.Messenger;

namespace ConversationBot.Bot.Tests.Messenger;

public sealed class MessengerSignatureTests
{
    private const string Secret = "s3cret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"text":"Rückgabe 😀"}""");

    [Fact]
    public void The_escaped_form_writes_non_ASCII_as_lowercase_UTF16_escapes_and_an_emoji_as_two()
    {
        Assert.Equal("""{"text":"R\u00fcckgabe \ud83d\ude00"}""", Encoding.ASCII.GetString(MessengerSignature.EscapeNonAscii(Body)!));
    }

    [Fact]
    public void A_signature_over_the_raw_bytes_is_valid() =>
        Assert.Equal(MessengerSignatureCheck.Valid, MessengerSignature.Verify(Body, MessengerSignature.Sign(Body, Secret), Secret));

    [Fact]
    public void A_signature_over_the_escaped_body_is_valid() =>
        Assert.Equal(MessengerSignatureCheck.Valid, MessengerSignature.Verify(Body, MessengerSignature.Sign(MessengerSignature.EscapeNonAscii(Body)!, Secret), Secret));

    [Fact]
    public void The_prefix_and_hex_digits_may_be_upper_case() =>
        Assert.Equal(MessengerSignatureCheck.Valid, MessengerSignature.Verify(Body, MessengerSignature.Sign(Body, Secret).ToUpperInvariant(), Secret));

    [Theory]
    [InlineData(null, MessengerSignatureCheck.Missing)]
    [InlineData("", MessengerSignatureCheck.Missing)]
    [InlineData("sha1=abc", MessengerSignatureCheck.Malformed)]
    [InlineData("sha256=zz", MessengerSignatureCheck.Malformed)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000", MessengerSignatureCheck.Mismatch)]
    public void Other_headers_are_refused(string? header, MessengerSignatureCheck expected) =>
        Assert.Equal(expected, MessengerSignature.Verify(Body, header, Secret));

    [Fact]
    public void A_signature_with_another_secret_is_a_mismatch() =>
        Assert.Equal(MessengerSignatureCheck.Mismatch, MessengerSignature.Verify(Body, MessengerSignature.Sign(Body, "other"), Secret));
}
