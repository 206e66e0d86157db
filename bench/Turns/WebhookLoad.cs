using System.Globalization;
using System.Text;
using ConversationBot.Bot.Messenger;

namespace ConversationBot.Bench.Turns;

/// <summary>
/// Messenger webhook POSTs as Meta sends them: signed with the app secret, one customer (a numeric PSID) per worker,
/// each message with a new id (a repeated id would be skipped as a redelivery).
/// </summary>
internal static class WebhookLoad
{
    public const string AppSecret = "bench-app-secret";
    public const string PageId = "1234567890";

    private static readonly long Timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The customer a worker or batch index plays.</summary>
    public static string Psid(int sender) => (1_000_000_000L + sender).ToString(CultureInfo.InvariantCulture);

    /// <summary>One signed POST of one message event per sender.</summary>
    public static (byte[] Body, KeyValuePair<string, string>? Header) Post(IEnumerable<int> senders, string run, long sequence, string text)
    {
        var events = senders.Select(sender => string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"sender":{"id":"{{{Psid(sender)}}}"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{Timestamp}}},"message":{"mid":"m-{{{run}}}-{{{sequence}}}-{{{sender}}}","text":"{{{text}}}"}}"""));
        var body = Encoding.UTF8.GetBytes($$$"""{"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{Timestamp}}},"messaging":[{{{string.Join(',', events)}}}]}]}""");
        return (body, new KeyValuePair<string, string>(MessengerSignature.HeaderName, MessengerSignature.Sign(body, AppSecret)));
    }
}
