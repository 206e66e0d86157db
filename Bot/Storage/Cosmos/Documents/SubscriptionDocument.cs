using System.Text.Json.Serialization;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Storage.Cosmos.Documents;

/// <summary>
/// A subscription in the <c>subscriptions</c> container, partitioned by <see cref="TopicId"/> so a
/// campaign's fan-out reads one partition. <see cref="Status"/> is at the top for the fan-out filter;
/// <see cref="Version"/> is the domain's counter (the snapshot is stored with version 0).
/// </summary>
public sealed record SubscriptionDocument(
    string Id,
    string TopicId,
    SubscriptionStatus Status,
    long Version,
    SubscriptionSnapshot Subscription)
{
    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }

    public static SubscriptionDocument From(SubscriptionSnapshot snapshot, long version) =>
        new(CosmosIds.ForKey(snapshot.Id), snapshot.TopicId, snapshot.Status, version, snapshot with { Version = 0 });

    public Subscription ToSubscription() => global::ConversationBot.Notifications.Subscriptions.Subscription.Restore(Subscription with { Version = Version });
}
