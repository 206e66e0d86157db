using System.Collections.Concurrent;
using System.Net;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Subscriptions in the <c>subscriptions</c> container, partitioned by topic: the fan-out reads one
/// partition, page by page. Lookups by id, token and customer go through <see cref="CosmosSubscriptionIndex"/>
/// (point reads in <c>lookups</c>), never across partitions. A save is an ETag-conditioned replace:
/// the domain's <see cref="Subscription.Version"/> is stored beside the document, and the ETag of the
/// version this process last read is remembered, so a save after a read costs one write.
/// </summary>
public sealed class CosmosSubscriptionStore(CosmosDatabase cosmos, CosmosSubscriptionIndex index) : ISubscriptionStore
{
    private const int MaxRemembered = 50_000;

    /// <summary>A campaign page's saves go out side by side, a few at a time, so one page does not take all the throughput.</summary>
    private const int SaveParallelism = 8;

    private readonly RememberedValues<string, StoredVersion> _versions = new(MaxRemembered, StringComparer.Ordinal);
    private readonly CosmosTopicSubscriberCounts _counts = new(cosmos);

    private Container Subscriptions => cosmos.Subscriptions;

    public async Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length == 0)
        {
            return null;
        }

        var entry = await index.FindTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        var subscription = await ReadAsync(entry.SubscriptionId, entry.TopicId, cancellationToken).ConfigureAwait(false);
        return subscription?.Token == token ? subscription : null;
    }

    /// <remarks>
    /// One point read where the id says the subscription lives (<see cref="CosmosSubscriptionIndex.LikelyTopic"/>);
    /// the locator only when it is not there (an unmatched opt-in keyed by title, or no such subscription).
    /// </remarks>
    public async Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var likely = index.LikelyTopic(subscriptionId);
        if (likely is not null && await ReadAsync(subscriptionId, likely, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        var topicId = await index.FindTopicAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        return topicId is null || topicId == likely ? null : await ReadAsync(subscriptionId, topicId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(customerId);
        var entries = await index.ListCustomerAsync(channelId, customerId, cancellationToken).ConfigureAwait(false);
        var found = await Task.WhenAll(entries.Select(e => ReadAsync(e.SubscriptionId, e.TopicId, cancellationToken))).ConfigureAwait(false);
        return
        [
            .. found
                .OfType<Subscription>()
                .Where(s => s.CustomerId == customerId && string.Equals(s.ChannelId, channelId, StringComparison.OrdinalIgnoreCase))
                .OrderBy(s => s.Id, StringComparer.Ordinal),
        ];
    }

    /// <remarks>
    /// The continuation is the service's own: it resumes after the last document handed out, so a
    /// subscriber who stops or opts in between pages moves nobody else. The order is the partition's,
    /// not by id.
    /// </remarks>
    public async Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var (documents, next) = await CosmosQuery.PageAsync<SubscriptionDocument>(
            Subscriptions, ActiveQuery("SELECT * FROM c", topicId), new PartitionKey(topicId), continuation, pageSize, cancellationToken).ConfigureAwait(false);
        return new SubscriberPage([.. documents.Select(Remember)], next);
    }

    /// <remarks>One point read of the topic's counter (<see cref="CosmosTopicSubscriberCounts"/>), kept by the saves below.</remarks>
    public Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        return _counts.GetAsync(topicId, cancellationToken);
    }

    /// <remarks>
    /// Order of writes, for a crash between any two: index documents first (where the id lives, the
    /// customer's list, the new token), then the subscription, then the old token's entry is removed.
    /// Readers verify against the subscription, so what a crash leaves (an extra or stale index entry)
    /// never shows. A save that moved the subscription into or out of Active then patches the topic's
    /// count: the one place a status change is written, so the count follows every path (consent, a
    /// campaign's retire or expiry). The replace is conditioned on the ETag of the version whose status
    /// we know, so the change it counts is exactly the one it made.
    /// </remarks>
    public async Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var snapshot = subscription.ToSnapshot();
        return snapshot.Version == 0
            ? await TryCreateAsync(snapshot, cancellationToken).ConfigureAwait(false)
            : await TryReplaceAsync(snapshot, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var conflicts = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            subscriptions,
            new ParallelOptions { MaxDegreeOfParallelism = SaveParallelism, CancellationToken = cancellationToken },
            async (subscription, token) =>
            {
                if (!await TrySaveAsync(subscription, token).ConfigureAwait(false))
                {
                    conflicts.Add(subscription.Id);
                }
            }).ConfigureAwait(false);
        return [.. conflicts];
    }

    private async Task<bool> TryCreateAsync(SubscriptionSnapshot snapshot, CancellationToken cancellationToken)
    {
        // The index writes are independent of each other; only the subscription must wait for all of them.
        await Task.WhenAll(
            index.AddSubscriptionAsync(snapshot.Id, snapshot.TopicId, snapshot.ChannelId, snapshot.CustomerId, cancellationToken),
            snapshot.Token is { } token ? index.PointTokenAsync(token, snapshot.Id, snapshot.TopicId, HoldsTokenAsync(token, cancellationToken), cancellationToken) : Task.CompletedTask).ConfigureAwait(false);

        var document = SubscriptionDocument.From(snapshot, 1);
        using var body = CosmosJson.Write(document);
        using var create = await Subscriptions.CreateItemStreamAsync(body, new PartitionKey(snapshot.TopicId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (create.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        create.EnsureSuccessStatusCode();
        Remember(snapshot.Id, new StoredVersion(1, create.Headers.ETag, snapshot.Token, snapshot.Status));
        await _counts.AddAsync(snapshot.TopicId, CosmosTopicSubscriberCounts.Delta(null, snapshot.Status), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> TryReplaceAsync(SubscriptionSnapshot snapshot, CancellationToken cancellationToken)
    {
        var stored = await StoredVersionAsync(snapshot, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Version != snapshot.Version)
        {
            return false;
        }

        if (snapshot.Token is { } token && token != stored.Token)
        {
            await index.PointTokenAsync(token, snapshot.Id, snapshot.TopicId, HoldsTokenAsync(token, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var document = SubscriptionDocument.From(snapshot, snapshot.Version + 1);
        using var body = CosmosJson.Write(document);
        using var replace = await Subscriptions.ReplaceItemStreamAsync(
            body, document.Id, new PartitionKey(snapshot.TopicId), new ItemRequestOptions { IfMatchEtag = stored.ETag }, cancellationToken).ConfigureAwait(false);
        if (replace.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            _versions.Forget(snapshot.Id);
            return false;
        }

        replace.EnsureSuccessStatusCode();
        Remember(snapshot.Id, new StoredVersion(document.Version, replace.Headers.ETag, snapshot.Token, snapshot.Status));
        await _counts.AddAsync(snapshot.TopicId, CosmosTopicSubscriberCounts.Delta(stored.Status, snapshot.Status), cancellationToken).ConfigureAwait(false);
        if (stored.Token is { } oldToken && oldToken != snapshot.Token)
        {
            await index.ForgetTokenAsync(oldToken, snapshot.Id, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The version, ETag and token stored for this id: remembered from this process's last read or write when it is the one being saved, read otherwise.</summary>
    private async Task<StoredVersion?> StoredVersionAsync(SubscriptionSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (_versions.TryGet(snapshot.Id, out var remembered) && remembered.Version == snapshot.Version)
        {
            return remembered;
        }

        var current = await ReadAsync(snapshot.Id, snapshot.TopicId, cancellationToken).ConfigureAwait(false);
        return current is not null && _versions.TryGet(snapshot.Id, out var read) ? read : null;
    }

    private Func<string, string, Task<bool>> HoldsTokenAsync(string token, CancellationToken cancellationToken) =>
        async (subscriptionId, topicId) => (await ReadAsync(subscriptionId, topicId, cancellationToken).ConfigureAwait(false))?.Token == token;

    private async Task<Subscription?> ReadAsync(string subscriptionId, string topicId, CancellationToken cancellationToken)
    {
        using var read = await Subscriptions.ReadItemStreamAsync(CosmosIds.ForKey(subscriptionId), new PartitionKey(topicId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var document = await CosmosJson.ReadAsync<SubscriptionDocument>(read, cancellationToken).ConfigureAwait(false);
        return document.Subscription.Id == subscriptionId ? Remember(document with { ETag = read.Headers.ETag }) : null;
    }

    private Subscription Remember(SubscriptionDocument document)
    {
        var subscription = document.ToSubscription();
        if (document.ETag is { } etag)
        {
            Remember(subscription.Id, new StoredVersion(document.Version, etag, subscription.Token, document.Status));
        }

        return subscription;
    }

    private void Remember(string subscriptionId, StoredVersion stored) => _versions.Remember(subscriptionId, stored);

    internal static QueryDefinition ActiveQuery(string select, string topicId) =>
        new QueryDefinition($"{select} WHERE c.topicId = @topic AND c.status = @status")
            .WithParameter("@topic", topicId)
            .WithParameter("@status", nameof(SubscriptionStatus.Active));

    private sealed record StoredVersion(long Version, string ETag, string? Token, SubscriptionStatus Status);
}
