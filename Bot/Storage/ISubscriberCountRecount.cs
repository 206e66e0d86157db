namespace ConversationBot.Bot.Storage;

/// <summary>
/// Counts a topic's active subscribers again from the subscriptions themselves and keeps that as the
/// count <see cref="Notifications.Subscriptions.ISubscriptionStore.CountActiveByTopicAsync"/> answers from then on:
/// the way to heal a kept counter that drifted (a process that died between a subscription's write and its
/// counter's, docs/cosmos-db.md). <c>POST /api/admin/topics/recount</c> calls it; it reads every active
/// subscriber of the topic, so it is an operator's action, not something a turn does.
/// </summary>
public interface ISubscriberCountRecount
{
    Task<long> RecountAsync(string topicId, CancellationToken cancellationToken);
}
