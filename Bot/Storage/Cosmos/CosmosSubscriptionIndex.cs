using System.Net;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// The index documents in <c>lookups</c> that answer "which subscription has this token / this id (where the
/// id does not name its topic, <see cref="LikelyTopic"/>) / this customer" with point reads instead of
/// cross-partition queries over <c>subscriptions</c>.
/// Index documents are written before the subscription and cleaned up after it, so a crash between
/// the writes leaves an index entry too many, never one too few; every reader checks the
/// subscription it is pointed at, so an extra entry is harmless.
/// </summary>
public sealed class CosmosSubscriptionIndex(CosmosDatabase cosmos)
{
    /// <summary>Subscription id to topic never changes, so it is cached for the process; bounded, because topics can hold millions.</summary>
    private const int MaxCachedLocations = 100_000;

    private readonly RememberedValues<string, string> _topics = new(MaxCachedLocations, StringComparer.Ordinal);

    private Container Lookups => cosmos.Lookups;

    /// <summary>
    /// Where to look first for a subscription: the topic this process remembers for it, else the topic its id
    /// names. <see cref="Subscription.IdFor"/> ends a subscription's id with its topic (<c>channel|customer|topic</c>),
    /// so for all but the unmatched opt-ins keyed by title one point read finds it, with no locator.
    /// </summary>
    public string? LikelyTopic(string subscriptionId) =>
        _topics.TryGet(subscriptionId, out var cached) ? cached : NamedTopic(subscriptionId);

    /// <returns>The topic partition of the subscription, or null when no subscription with this id was ever saved.</returns>
    public async Task<string?> FindTopicAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        if (_topics.TryGet(subscriptionId, out var cached))
        {
            return cached;
        }

        var id = SubscriptionLocatorDocument.IdFor(subscriptionId);
        var locator = await ReadAsync<SubscriptionLocatorDocument>(id, cancellationToken).ConfigureAwait(false);
        if (locator is null || locator.SubscriptionId != subscriptionId)
        {
            return null;
        }

        Remember(subscriptionId, locator.TopicId);
        return locator.TopicId;
    }

    public async Task<TokenIndexDocument?> FindTokenAsync(string token, CancellationToken cancellationToken)
    {
        var entry = await ReadAsync<TokenIndexDocument>(TokenIndexDocument.IdFor(token), cancellationToken).ConfigureAwait(false);
        return entry is not null && entry.Token == token ? entry : null;
    }

    public async Task<IReadOnlyList<CustomerIndexEntry>> ListCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        var index = await ReadAsync<CustomerIndexDocument>(CustomerIndexDocument.IdFor(channelId, customerId), cancellationToken).ConfigureAwait(false);
        return index is not null && index.CustomerId == customerId && string.Equals(index.ChannelId, channelId, StringComparison.OrdinalIgnoreCase)
            ? index.Subscriptions
            : [];
    }

    /// <summary>
    /// Before a subscription is first stored: whose it is, and where it lives when its id does not say
    /// (<see cref="LikelyTopic"/>). Subscriptions stored before ids were read this way have locators too; they are
    /// found either way.
    /// </summary>
    public async Task AddSubscriptionAsync(string subscriptionId, string topicId, string channelId, string customerId, CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            NamedTopic(subscriptionId) == topicId ? Task.CompletedTask : AddLocatorAsync(subscriptionId, topicId, cancellationToken),
            AddToCustomerAsync(subscriptionId, topicId, channelId, customerId, cancellationToken)).ConfigureAwait(false);
        Remember(subscriptionId, topicId);
    }

    /// <summary>The text after the id's last <c>|</c>: the topic for ids made by <see cref="Subscription.IdFor"/>, a title for the unmatched ones (which then have a locator).</summary>
    private static string? NamedTopic(string subscriptionId)
    {
        var last = subscriptionId.LastIndexOf('|');
        return last < 0 || last == subscriptionId.Length - 1 ? null : subscriptionId[(last + 1)..];
    }

    private async Task AddLocatorAsync(string subscriptionId, string topicId, CancellationToken cancellationToken)
    {
        var id = SubscriptionLocatorDocument.IdFor(subscriptionId);
        using var body = CosmosJson.Write(new SubscriptionLocatorDocument(id, subscriptionId, topicId));
        using var upsert = await Lookups.UpsertItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    private async Task AddToCustomerAsync(string subscriptionId, string topicId, string channelId, string customerId, CancellationToken cancellationToken)
    {
        var customerIndexId = CustomerIndexDocument.IdFor(channelId, customerId);
        await CosmosDocumentUpdate.UpdateAsync<CustomerIndexDocument>(
            Lookups,
            customerIndexId,
            new PartitionKey(customerIndexId),
            stored =>
            {
                stored ??= new CustomerIndexDocument(customerIndexId, channelId, customerId, []);
                if (stored.Subscriptions.Exists(e => e.SubscriptionId == subscriptionId))
                {
                    return null;
                }

                stored.Subscriptions.Add(new CustomerIndexEntry(subscriptionId, topicId));
                return stored;
            },
            cancellationToken,
            likelyAbsent: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Before a subscription is stored with <paramref name="token"/>. A token another subscription
    /// still holds is broken data (Messenger issues one per page, user and topic): refused, as the
    /// SQLite store's unique index refuses it.
    /// </summary>
    /// <param name="holdsToken">Whether a subscription (by id and topic) currently holds the token.</param>
    public async Task PointTokenAsync(
        string token, string subscriptionId, string topicId, Func<string, string, Task<bool>> holdsToken, CancellationToken cancellationToken)
    {
        var id = TokenIndexDocument.IdFor(token);
        var entry = new TokenIndexDocument(id, token, subscriptionId, topicId);

        // A new token is the common case: one create, and only a conflict needs a look at who has it.
        using (var body = CosmosJson.Write(entry))
        using (var create = await Lookups.CreateItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (create.StatusCode != HttpStatusCode.Conflict)
            {
                create.EnsureSuccessStatusCode();
                return;
            }
        }

        var existing = await FindTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.SubscriptionId == subscriptionId)
        {
            return;
        }

        if (existing is not null && await holdsToken(existing.SubscriptionId, existing.TopicId).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The Messenger token is already held by subscription '{existing.SubscriptionId}'; one token belongs to one subscription.");
        }

        using var replacement = CosmosJson.Write(entry);
        using var upsert = await Lookups.UpsertItemStreamAsync(replacement, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    /// <summary>After a subscription stopped holding <paramref name="token"/>: its entry goes, unless it already points elsewhere.</summary>
    public async Task ForgetTokenAsync(string token, string subscriptionId, CancellationToken cancellationToken)
    {
        var id = TokenIndexDocument.IdFor(token);
        string? etag;
        using (var read = await Lookups.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (read.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            var entry = await CosmosJson.ReadAsync<TokenIndexDocument>(read, cancellationToken).ConfigureAwait(false);
            if (entry.SubscriptionId != subscriptionId)
            {
                return;
            }

            etag = read.Headers.ETag;
        }

        // A 412 means someone pointed the token elsewhere meanwhile, a 404 that it is gone: both are fine.
        using var delete = await Lookups.DeleteItemStreamAsync(id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken).ConfigureAwait(false);
        if (delete.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
        {
            delete.EnsureSuccessStatusCode();
        }
    }

    private void Remember(string subscriptionId, string topicId) => _topics.Remember(subscriptionId, topicId);

    private async Task<T?> ReadAsync<T>(string id, CancellationToken cancellationToken)
        where T : class
    {
        using var read = await Lookups.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return read.StatusCode == HttpStatusCode.NotFound ? null : await CosmosJson.ReadAsync<T>(read, cancellationToken).ConfigureAwait(false);
    }
}
