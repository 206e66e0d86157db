using System.Text.Json;
using ConversationBot.Bot.Customers;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// <see cref="CampaignWorkRecords"/> on SQLite: the items whose page names the customer are found by one query
/// over the stored JSON (an id starts right after a quote, written as <see cref="CampaignWorkItemJson"/> writes
/// it), then each is changed through the store's optimistic save like any other writer of an item.
/// </summary>
public sealed class SqliteCampaignWorkRecords(SqliteDatabase database, ICampaignWorkStore work) : ICustomerRecords
{
    public string Name => "campaign pages";

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken) =>
        (await FindAsync(customer, cancellationToken).ConfigureAwait(false)).Count;

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var prefix = Subscription.IdPrefixFor(customer.ChannelId, customer.CustomerId);
        var replacement = Subscription.IdPrefixFor(customer.ChannelId, pseudonym);
        long erased = 0;
        foreach (var (campaignId, index) in await FindAsync(customer, cancellationToken).ConfigureAwait(false))
        {
            erased += await CampaignWorkRecords.PseudonymizeAsync(work, campaignId, index, prefix, replacement, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return erased;
    }

    private async Task<List<(string CampaignId, int Index)>> FindAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var prefix = Subscription.IdPrefixFor(customer.ChannelId, customer.CustomerId);
        var quoted = JsonSerializer.Serialize(prefix, CampaignSnapshotJson.Options);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT campaign_id, item_index FROM campaign_work_items WHERE instr(data, $needle) > 0";
        command.Parameters.AddWithValue("$needle", quoted[..^1]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<(string, int)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return found;
    }
}
