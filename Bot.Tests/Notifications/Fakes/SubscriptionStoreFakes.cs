using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

public static class SubscriptionStoreFakes
{
    /// <summary>TrySaveManyAsync as the fakes do it: one save after the other, the conflicts reported.</summary>
    public static async Task<IReadOnlyCollection<string>> SaveEachAsync(
        IReadOnlyList<Subscription> subscriptions, Func<Subscription, CancellationToken, Task<bool>> trySave, CancellationToken cancellationToken)
    {
        var conflicts = new List<string>();
        foreach (var subscription in subscriptions)
        {
            if (!await trySave(subscription, cancellationToken))
            {
                conflicts.Add(subscription.Id);
            }
        }

        return conflicts;
    }
}
