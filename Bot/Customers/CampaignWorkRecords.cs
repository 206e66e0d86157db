using ConversationBot.Notifications;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Customers;

/// <summary>
/// The pages of campaigns that listed the customer's subscriptions (Notifications/Delivery/Work): the ids,
/// which name the customer, get the erasure's pseudonym, so a page still being worked skips them (no such
/// subscription any more) and a finished one no longer names them. Reads every campaign's items through the
/// store contract (Cosmos DB: erasure is rare and an operator's act); SQLite finds them with one query instead
/// (Bot/Storage/Sqlite/SqliteCampaignWorkRecords.cs).
/// </summary>
public sealed class CampaignWorkRecords(ICampaignStore campaigns, ICampaignWorkStore work) : ICustomerRecords
{
    private const int CampaignPageSize = 100;

    public string Name => "campaign pages";

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        var prefix = Subscription.IdPrefixFor(customer.ChannelId, customer.CustomerId);
        long count = 0;
        await foreach (var item in ItemsNamingAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        var prefix = Subscription.IdPrefixFor(customer.ChannelId, customer.CustomerId);
        var replacement = Subscription.IdPrefixFor(customer.ChannelId, pseudonym);
        long erased = 0;
        await foreach (var found in ItemsNamingAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            erased += await PseudonymizeAsync(work, found.CampaignId, found.Index, prefix, replacement, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return erased;
    }

    /// <summary>Puts the pseudonym into one item's page through the store's optimistic save; false when the item no longer names the customer.</summary>
    public static Task<bool> PseudonymizeAsync(
        ICampaignWorkStore work, string campaignId, int index, string prefix, string replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ConflictRetry.RunAsync(
            $"campaign page {campaignId}/{index}",
            async token =>
            {
                var item = await work.FindAsync(campaignId, index, token).ConfigureAwait(false);
                if (item is null || !item.ReplaceSubscriptionIds(prefix, replacement))
                {
                    return Round<bool>.Done(false);
                }

                return await work.TrySaveAsync(item, token).ConfigureAwait(false) ? Round<bool>.Done(true) : Round<bool>.Conflict;
            },
            cancellationToken);
    }

    private async IAsyncEnumerable<CampaignWorkItem> ItemsNamingAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await campaigns.ListAsync(null, continuation, CampaignPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var campaign in page.Campaigns)
            {
                foreach (var item in await work.ListAsync(campaign.Id, cancellationToken).ConfigureAwait(false))
                {
                    if (item.SubscriptionIds?.Any(id => id.StartsWith(prefix, StringComparison.Ordinal)) == true)
                    {
                        yield return item;
                    }
                }
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }
}
