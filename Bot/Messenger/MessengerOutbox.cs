using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Delivery;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// The replies of one webhook event's turn. A reply is known by its place in the turn and a hash of
/// its Send API message, and recorded just before it is sent: from then on it may have reached the
/// customer. A run of the same event after a crash (or after a failed turn) does not send a recorded
/// reply again, because a message must never go out twice; a reply the Send API certainly did not
/// take (it answered with an error, or no connection was made) is taken back and sent by the next run.
/// A turn run again starts from the same saved state, so it produces the same replies; a reply that
/// came out different is sent.
/// </summary>
public sealed class MessengerOutbox(IMessengerEventLog eventLog, string eventKey, IReadOnlyList<string> alreadySent)
{
    private readonly HashSet<string> _alreadySent = [.. alreadySent];
    private int _position;

    /// <summary>How many replies this run sent or found sent before.</summary>
    public int Replies => _position;

    /// <summary>Sends <paramref name="message"/> unless an earlier run of this event may have sent it.</summary>
    public async Task<MessengerSendResult?> SendOnceAsync(JsonObject message, Func<Task<MessengerSendResult>> send)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(send);
        var fingerprint = $"{_position++}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.ToJsonString())))[..16]}";
        if (_alreadySent.Contains(fingerprint))
        {
            return null;
        }

        // Not cancellable: once the request may leave, a run after a crash must know it.
        await eventLog.RecordSendingAsync(eventKey, fingerprint, CancellationToken.None).ConfigureAwait(false);
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (Exception failure) when (CertainlyNotSent(failure))
        {
            await eventLog.ForgetSendingAsync(eventKey, fingerprint, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The Send API answered with an error, or no connection was made; a time-out or a broken connection may have delivered it.</summary>
    private static bool CertainlyNotSent(Exception failure) => failure switch
    {
        MessengerSendException => true,
        HttpRequestException broken => TransportFailure.Of(broken).NotSent,
        _ => false,
    };
}
