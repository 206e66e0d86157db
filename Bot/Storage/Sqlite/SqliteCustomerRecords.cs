using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// What one group of tables holds about a customer, counted and erased by SQL. Every statement may use
/// <c>$channel</c>, <c>$customer</c>, <c>$messenger</c> (1 on Messenger, whose event log names the person
/// as <c>sender</c>), <c>$prefix</c> (the start of the customer's subscription ids,
/// <see cref="Subscription.IdPrefixFor"/>) and, when erasing, <c>$pseudonym</c> and <c>$pseudonymPrefix</c>.
/// The erase runs in one write transaction; its figure is the rows it changed.
/// </summary>
public sealed class SqliteCustomerRecords(SqliteDatabase database, SqliteCustomerRecords.Table table) : ICustomerRecords
{
    public string Name => table.Name;

    /// <summary>A group of tables: its name in reports, the count and the erase.</summary>
    public sealed record Table(string Name, string CountSql, string EraseSql);

    /// <summary>The tables, one entry per store; subscriptions are <see cref="SqliteSubscriptionRecords"/>.</summary>
    public static IReadOnlyList<Table> Tables { get; } =
    [
        new Table(
            "24-hour window",
            "SELECT COUNT(*) FROM messaging_windows WHERE channel_id = $channel AND customer_id = $customer",
            "DELETE FROM messaging_windows WHERE channel_id = $channel AND customer_id = $customer"),
        new Table(
            "opt-in offer history",
            """
            SELECT (SELECT COUNT(*) FROM offer_requests WHERE channel_id = $channel AND customer_id = $customer)
                 + (SELECT COUNT(*) FROM offer_declines WHERE channel_id = $channel AND customer_id = $customer)
                 + (SELECT COUNT(*) FROM offer_blocks WHERE channel_id = $channel AND customer_id = $customer)
            """,
            """
            DELETE FROM offer_requests WHERE channel_id = $channel AND customer_id = $customer;
            DELETE FROM offer_declines WHERE channel_id = $channel AND customer_id = $customer;
            DELETE FROM offer_blocks WHERE channel_id = $channel AND customer_id = $customer
            """),
        new Table(
            "funnel attributions",
            "SELECT COUNT(*) FROM funnel_attributions WHERE channel_id = $channel AND customer_id = $customer",
            "DELETE FROM funnel_attributions WHERE channel_id = $channel AND customer_id = $customer"),
        new Table(
            "Messenger event log",
            "SELECT COUNT(*) FROM messenger_events WHERE $messenger = 1 AND sender = $customer",
            "DELETE FROM messenger_events WHERE $messenger = 1 AND sender = $customer"),

        // Kept for the campaign's figures (Bot/Storage/StorageRetention.cs), under the pseudonym.
        new Table(
            "delivery records",
            "SELECT COUNT(*) FROM campaign_deliveries WHERE channel_id = $channel AND customer_id = $customer",
            """
            UPDATE campaign_deliveries SET customer_id = $pseudonym,
                subscription_id = $pseudonymPrefix || substr(subscription_id, length($prefix) + 1)
            WHERE channel_id = $channel AND customer_id = $customer AND substr(subscription_id, 1, length($prefix)) = $prefix;
            UPDATE campaign_deliveries SET customer_id = $pseudonym
            WHERE channel_id = $channel AND customer_id = $customer
            """),
    ];

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = table.CountSql;
        Bind(command, customer, pseudonym: null);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
    }

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand(table.EraseSql);
        Bind(command, customer, pseudonym);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    internal static void Bind(SqliteCommand command, CustomerKey customer, string? pseudonym)
    {
        command.Parameters.AddWithValue("$channel", customer.ChannelId);
        command.Parameters.AddWithValue("$customer", customer.CustomerId);
        command.Parameters.AddWithValue("$messenger", ChannelIds.IsMessenger(customer.ChannelId) ? 1 : 0);
        command.Parameters.AddWithValue("$prefix", Subscription.IdPrefixFor(customer.ChannelId, customer.CustomerId));
        command.Parameters.AddWithValue("$pseudonym", (object?)pseudonym ?? DBNull.Value);
        command.Parameters.AddWithValue("$pseudonymPrefix", pseudonym is null ? DBNull.Value : Subscription.IdPrefixFor(customer.ChannelId, pseudonym));
    }
}
