using System.Net;
using ConversationBot.Notifications.Customers;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos.Customers;

/// <summary>
/// Records a customer has at ids derived from their key, each its own partition (the <c>customers</c>
/// container: the 24-hour window, the offer history, the funnel's attributions): counted by point reads,
/// erased by point deletes; an id already gone counts as nothing.
/// </summary>
public sealed class CosmosPointRecords(string name, Func<Container> container, Func<CustomerKey, IEnumerable<string>> ids) : ICustomerRecords
{
    public string Name => name;

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var id in ids(customer))
        {
            using var read = await container().ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (read.StatusCode != HttpStatusCode.NotFound)
            {
                read.EnsureSuccessStatusCode();
                count++;
            }
        }

        return count;
    }

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        long erased = 0;
        foreach (var id in ids(customer))
        {
            using var delete = await container().DeleteItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (delete.StatusCode != HttpStatusCode.NotFound)
            {
                delete.EnsureSuccessStatusCode();
                erased++;
            }
        }

        return erased;
    }
}
