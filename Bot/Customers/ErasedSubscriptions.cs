using ConversationBot.Notifications;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Customers;

/// <summary>
/// Before a back end deletes a customer's subscriptions, each active one is retired through the store
/// (reason <see cref="Reason"/>), so whatever the store keeps per topic (Cosmos DB's count of active
/// subscribers) moves as for any other end of consent, and a campaign reading the topic at that moment
/// no longer sends to them. An erasure is not the customer's stop: the stop-rate guard and the funnel do
/// not count it.
/// </summary>
public static class ErasedSubscriptions
{
    public const string Reason = "erased";

    public static async Task<IReadOnlyList<Subscription>> RetireAsync(ISubscriptionStore store, CustomerKey customer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(customer);
        var all = await store.ListByCustomerAsync(customer.ChannelId, customer.CustomerId, cancellationToken).ConfigureAwait(false);
        var retired = new List<Subscription>(all.Count);
        foreach (var listed in all)
        {
            // The first round works the subscription as listed; only a lost save reads it again.
            Subscription? current = listed;
            retired.Add(await ConflictRetry.RunAsync(
                $"subscription {listed.Id}",
                async token =>
                {
                    var subscription = current ?? await store.FindAsync(listed.Id, token).ConfigureAwait(false) ?? listed;
                    current = null;
                    if (subscription.Status != SubscriptionStatus.Active || !subscription.Retire(now, Reason))
                    {
                        return Round<Subscription>.Done(subscription);
                    }

                    return await store.TrySaveAsync(subscription, token).ConfigureAwait(false) ? Round<Subscription>.Done(subscription) : Round<Subscription>.Conflict;
                },
                cancellationToken).ConfigureAwait(false));
        }

        return retired;
    }
}
