using System.Net;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Each topic's count of active subscribers, kept in one small document in <c>pages</c> (id
/// <c>subscribers|topic</c>) so <c>GET /api/admin/topics</c> and a campaign's audience are one point read
/// instead of paging through every active subscriber (issue 26, item 5).
/// <para>
/// <see cref="CosmosSubscriptionStore"/> moves it where a subscription's status is saved: after a write
/// that made it Active (+1) or took it out of Active (-1), a patch that increments <c>active</c>. The
/// subscription is written first, so what a crash between the two writes leaves is a count one short or
/// one over, never a subscription that is missing. <see cref="RecountAsync"/> heals that.
/// </para>
/// A topic whose document does not exist yet (a new topic, a database from before the counters) is
/// counted from its subscriptions at its first read and the count stored; until then changes patch
/// nothing (the 404 is the sign that the first read will count them). A recount racing consent changes
/// may miss or double one of them: run it again when the topic is quiet.
/// </summary>
public sealed class CosmosTopicSubscriberCounts(CosmosDatabase cosmos) : ISubscriberCountRecount
{
    public async Task AddAsync(string topicId, int delta, CancellationToken cancellationToken)
    {
        if (delta == 0)
        {
            return;
        }

        var id = IdFor(topicId);
        using var patch = await cosmos.Pages.PatchItemStreamAsync(
            id, new PartitionKey(id), [PatchOperation.Increment($"/{TopicSubscribersDocument.ActiveField}", delta)], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (patch.StatusCode != HttpStatusCode.NotFound)
        {
            patch.EnsureSuccessStatusCode();
        }
    }

    public async Task<long> GetAsync(string topicId, CancellationToken cancellationToken)
    {
        var id = IdFor(topicId);
        while (true)
        {
            using (var read = await cosmos.Pages.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (read.StatusCode != HttpStatusCode.NotFound)
                {
                    return (await CosmosJson.ReadAsync<TopicSubscribersDocument>(read, cancellationToken).ConfigureAwait(false)).Active;
                }
            }

            // Never counted: count once and keep it. Another reader that stored its count first wins (409): read theirs.
            var counted = await CountSubscriptionsAsync(topicId, cancellationToken).ConfigureAwait(false);
            using var body = CosmosJson.Write(new TopicSubscribersDocument(id, topicId, counted));
            using var create = await cosmos.Pages.CreateItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (create.StatusCode != HttpStatusCode.Conflict)
            {
                create.EnsureSuccessStatusCode();
                return counted;
            }
        }
    }

    public async Task<long> RecountAsync(string topicId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        var counted = await CountSubscriptionsAsync(topicId, cancellationToken).ConfigureAwait(false);
        var id = IdFor(topicId);
        using var body = CosmosJson.Write(new TopicSubscribersDocument(id, topicId, counted));
        using var upsert = await cosmos.Pages.UpsertItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
        return counted;
    }

    /// <remarks>
    /// Counted here rather than with COUNT: the rule is no aggregates (they cost a query plan and the
    /// local server is the only place they are free). Each result is one number, from the index alone.
    /// </remarks>
    private async Task<long> CountSubscriptionsAsync(string topicId, CancellationToken cancellationToken)
    {
        long count = 0;
        string? continuation = null;
        do
        {
            var (ones, next) = await CosmosQuery.PageAsync<int>(
                cosmos.Subscriptions, CosmosSubscriptionStore.ActiveQuery("SELECT VALUE 1 FROM c", topicId), new PartitionKey(topicId), continuation, 1000, cancellationToken).ConfigureAwait(false);
            count += ones.Count;
            continuation = next;
        }
        while (continuation is not null);

        return count;
    }

    private static string IdFor(string topicId) => CosmosIds.Compose("subscribers", topicId);

    /// <summary>What a save changed in the count: +1 into Active, -1 out of it, 0 otherwise.</summary>
    public static int Delta(SubscriptionStatus? before, SubscriptionStatus after) =>
        (after == SubscriptionStatus.Active ? 1 : 0) - (before == SubscriptionStatus.Active ? 1 : 0);
}
