using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>Bumps the stored version behind the caller's back before the first save, as a parallel webhook retry would.</summary>
public sealed class RacingSubscriptionStore(InMemorySubscriptionStore inner) : ForwardingSubscriptionStore(inner)
{
    public int SaveAttempts { get; private set; }

    public override Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
        SubscriptionStoreFakes.SaveEachAsync(subscriptions, TrySaveAsync, cancellationToken);

    public override async Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        if (++SaveAttempts == 1)
        {
            var other = await inner.FindAsync(subscription.Id, cancellationToken);
            other!.RecordSent(subscription.OptedInAt.AddMinutes(1));
            await inner.TrySaveAsync(other, cancellationToken);
        }

        return await inner.TrySaveAsync(subscription, cancellationToken);
    }
}
