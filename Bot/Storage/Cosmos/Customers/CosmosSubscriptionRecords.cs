using System.Net;
using ConversationBot.Bot.Customers;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos.Customers;

/// <summary>
/// A customer's subscriptions with their consent history and every index document that names them (the
/// locator of each subscription, its token's entry, the customer's list in <c>lookups</c>): active ones
/// retired first (<see cref="ErasedSubscriptions"/>, which keeps the topic's count of active subscribers
/// right), then deleted, the indexes last, as <see cref="CosmosSubscriptionIndex"/> cleans up after a subscription.
/// </summary>
public sealed class CosmosSubscriptionRecords(CosmosDatabase cosmos, ISubscriptionStore subscriptions, TimeProvider clock) : ICustomerRecords
{
    public string Name => "subscriptions";

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        var listed = await subscriptions.ListByCustomerAsync(customer.ChannelId, customer.CustomerId, cancellationToken).ConfigureAwait(false);
        var indexed = await ExistsAsync(CustomerIndexDocument.IdFor(customer.ChannelId, customer.CustomerId), cancellationToken).ConfigureAwait(false);

        // An index left without its subscriptions (a crash between the writes) still names the customer.
        return listed.Count + (listed.Count == 0 && indexed ? 1 : 0);
    }

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        var retired = await ErasedSubscriptions.RetireAsync(subscriptions, customer, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        long erased = 0;
        foreach (var subscription in retired)
        {
            erased += await DeleteAsync(cosmos.Subscriptions, CosmosIds.ForKey(subscription.Id), new PartitionKey(subscription.TopicId), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            var locator = SubscriptionLocatorDocument.IdFor(subscription.Id);
            await DeleteAsync(cosmos.Lookups, locator, new PartitionKey(locator), cancellationToken).ConfigureAwait(false);
            if (subscription.Token is { } token)
            {
                var tokenEntry = TokenIndexDocument.IdFor(token);
                await DeleteAsync(cosmos.Lookups, tokenEntry, new PartitionKey(tokenEntry), cancellationToken).ConfigureAwait(false);
            }
        }

        var index = CustomerIndexDocument.IdFor(customer.ChannelId, customer.CustomerId);
        var indexErased = await DeleteAsync(cosmos.Lookups, index, new PartitionKey(index), cancellationToken).ConfigureAwait(false);
        return erased + (erased == 0 && indexErased ? 1 : 0);
    }

    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        using var read = await cosmos.Lookups.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return read.StatusCode != HttpStatusCode.NotFound && read.EnsureSuccessStatusCode().IsSuccessStatusCode;
    }

    private static async Task<bool> DeleteAsync(Container container, string id, PartitionKey partition, CancellationToken cancellationToken)
    {
        using var delete = await container.DeleteItemStreamAsync(id, partition, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (delete.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        delete.EnsureSuccessStatusCode();
        return true;
    }
}
