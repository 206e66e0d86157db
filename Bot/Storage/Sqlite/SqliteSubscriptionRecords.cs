using ConversationBot.Bot.Customers;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>A customer's subscriptions with their consent history: active ones retired first (<see cref="ErasedSubscriptions"/>), then deleted.</summary>
public sealed class SqliteSubscriptionRecords(SqliteDatabase database, ISubscriptionStore subscriptions, TimeProvider clock) : ICustomerRecords
{
    private readonly SqliteCustomerRecords _rows = new(database, new SqliteCustomerRecords.Table(
        "subscriptions",
        "SELECT COUNT(*) FROM notification_subscriptions WHERE channel_id = $channel AND customer_id = $customer",
        "DELETE FROM notification_subscriptions WHERE channel_id = $channel AND customer_id = $customer"));

    public string Name => _rows.Name;

    public Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken) => _rows.CountAsync(customer, cancellationToken);

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        await ErasedSubscriptions.RetireAsync(subscriptions, customer, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await _rows.EraseAsync(customer, pseudonym, cancellationToken).ConfigureAwait(false);
    }
}
