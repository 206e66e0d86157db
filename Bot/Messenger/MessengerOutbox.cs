using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// The replies of one webhook event's turn. A reply is known by its place in the turn and a hash of
/// its Send API message; one recorded by an earlier run of the same event (a process that died after
/// sending it, or a redelivery after a failed send) is not sent again. A turn run again starts from
/// the same saved state, so it produces the same replies; a reply that came out different is sent.
/// </summary>
public sealed class MessengerOutbox(IMessengerEventLog eventLog, string eventKey, IReadOnlyList<string> alreadySent)
{
    private readonly HashSet<string> _alreadySent = [.. alreadySent];
    private int _position;

    /// <summary>How many replies this run sent or found sent before.</summary>
    public int Replies => _position;

    /// <summary>Sends <paramref name="message"/> unless an earlier run of this event did, then records it.</summary>
    public async Task<MessengerSendResult?> SendOnceAsync(JsonObject message, Func<Task<MessengerSendResult>> send)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(send);
        var fingerprint = $"{_position++}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.ToJsonString())))[..16]}";
        if (_alreadySent.Contains(fingerprint))
        {
            return null;
        }

        var result = await send().ConfigureAwait(false);

        // Not cancellable: the reply went out, and a run after a crash must know it.
        await eventLog.RecordSentAsync(eventKey, fingerprint, CancellationToken.None).ConfigureAwait(false);
        return result;
    }
}
