using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// SQLite keeps no counter to drift: <see cref="SqliteSubscriptionStore.CountActiveByTopicAsync"/> counts
/// the rows of the (topic, status, id) index every time, so a recount is that same count.
/// </summary>
public sealed class SqliteSubscriberCountRecount(ISubscriptionStore subscriptions) : ISubscriberCountRecount
{
    public Task<long> RecountAsync(string topicId, CancellationToken cancellationToken) => subscriptions.CountActiveByTopicAsync(topicId, cancellationToken);
}
