using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Unsubscribes;

/// <summary>
/// Erasing a Messenger customer also ends their marketing subscription at Meta: the erasure (Notifications/Customers/CustomerErasure.cs)
/// runs every store's records, and this one puts the PSID's unsubscribe in the outbox. It keeps nothing of the
/// customer itself beyond that pending row, whose PSID is dropped once Meta took it.
/// </summary>
public sealed class MetaUnsubscribeRecords(MetaUnsubscribes unsubscribes) : ICustomerRecords
{
    public string Name => "unsubscribe at Meta";

    public Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken) => Task.FromResult(0L);

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.ChannelId == ChannelIds.Messenger)
        {
            await unsubscribes.ErasedAsync(customer.CustomerId, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
