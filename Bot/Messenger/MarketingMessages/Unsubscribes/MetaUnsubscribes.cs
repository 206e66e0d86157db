using System.Security.Cryptography;
using System.Text;
using ConversationBot.Notifications.Products.Unsubscribes;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Unsubscribes;

/// <summary>
/// What must reach Meta's Unsubscribe API, put in the outbox (<see cref="IMetaUnsubscribeOutbox"/>) and the
/// sender woken: a Messenger subscription stopped (its token), a customer erased (their PSID). Only while this
/// deployment uses Marketing Messages: without it Meta has no marketing subscription of ours to end. The id
/// is derived from what is unsubscribed and when (a SHA-256, naming nobody), so the same stop saved twice is
/// one unsubscribe.
/// </summary>
public sealed class MetaUnsubscribes(IMetaUnsubscribeOutbox outbox, MetaUnsubscribeSignal signal, IOptions<MessengerOptions> options, TimeProvider clock)
{
    public bool IsOn => options.Value.MarketingMessages.IsEnabled;

    /// <summary>For each of these that is a stopped Messenger subscription with a token: its unsubscribe, added before the stop is saved.</summary>
    public async Task StoppedAsync(IEnumerable<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (!IsOn)
        {
            return;
        }

        var added = false;
        foreach (var s in subscriptions.Where(s => s.IsMessenger && s.Status == SubscriptionStatus.Stopped && s.Token is not null))
        {
            var at = s.StatusChangedAt ?? clock.GetUtcNow();
            var id = IdOf("stop", s.Token!, at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            added |= await outbox.AddAsync(MetaUnsubscribe.Of(id, MetaUnsubscribeIdentifier.SubscriberToken, s.Token!, "stopped", clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        if (added)
        {
            signal.Wake();
        }
    }

    /// <summary>An erased Messenger customer: unsubscribed at Meta by PSID (once a day however often the erasure runs: it is idempotent).</summary>
    public async Task ErasedAsync(string psid, CancellationToken cancellationToken)
    {
        if (!IsOn)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (await outbox.AddAsync(MetaUnsubscribe.Of(IdOf("erase", psid, DateOnly.FromDateTime(now.UtcDateTime).ToString("O", System.Globalization.CultureInfo.InvariantCulture)), MetaUnsubscribeIdentifier.Psid, psid, "erased", now), cancellationToken).ConfigureAwait(false))
        {
            signal.Wake();
        }
    }

    private static string IdOf(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
