using System.Net;
using System.Text.Json.Nodes;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos.Customers;

/// <summary>
/// Records that name a customer inside documents keyed by something else (a Messenger event by its key, a
/// delivery record by campaign and subscription), found by a query that scans the container: the indexes
/// are kept to what the hot paths filter on (Bot/Storage/Cosmos/CosmosContainers.cs), and erasure is rare
/// and an operator's act, so it pays the scan rather than every write paying an index.
/// </summary>
public static class CosmosScannedRecords
{
    /// <summary>What the service adds to a stored document; a copy written under another id must not carry them.</summary>
    private static readonly string[] SystemProperties = ["_rid", "_self", "_etag", "_attachments", "_ts"];

    /// <summary>Messenger's webhook events from the person (kept seven days for duplicate detection), deleted.</summary>
    public static ICustomerRecords MessengerEvents(CosmosDatabase cosmos) => new Scanned(
        "Messenger event log",
        () => cosmos.Events,
        customer => ChannelIds.IsMessenger(customer.ChannelId)
            ? new QueryDefinition("SELECT * FROM c WHERE c.sender = @customer").WithParameter("@customer", customer.CustomerId)
            : null,
        static async (container, document, customer, pseudonym, token) =>
        {
            var id = document["id"]!.GetValue<string>();
            using var delete = await container.DeleteItemStreamAsync(id, new PartitionKey(id), cancellationToken: token).ConfigureAwait(false);
            return Deleted(delete);
        });

    /// <summary>
    /// Delivery records, kept for the campaign's figures (Bot/Storage/StorageRetention.cs) under the erasure's
    /// pseudonym: the document's id is the subscription id, which names the customer, so the record moves to
    /// the pseudonymous id (created, then the old one deleted: a crash between leaves the old one for the next erasure).
    /// </summary>
    public static ICustomerRecords Deliveries(CosmosDatabase cosmos) => new Scanned(
        "delivery records",
        () => cosmos.Deliveries,
        customer => new QueryDefinition("SELECT * FROM c WHERE c.delivery.channelId = @channel AND c.delivery.customerId = @customer")
            .WithParameter("@channel", customer.ChannelId)
            .WithParameter("@customer", customer.CustomerId),
        static async (container, document, customer, pseudonym, token) =>
        {
            var oldId = document["id"]!.GetValue<string>();
            var campaignId = document["campaignId"]!.GetValue<string>();
            var delivery = document["delivery"]!.AsObject();
            var prefix = Subscription.IdPrefixFor(customer.ChannelId, customer.CustomerId);
            var subscriptionId = delivery["subscriptionId"]!.GetValue<string>();
            var newSubscriptionId = subscriptionId.StartsWith(prefix, StringComparison.Ordinal)
                ? Subscription.IdPrefixFor(customer.ChannelId, pseudonym) + subscriptionId[prefix.Length..]
                : pseudonym;
            delivery["subscriptionId"] = newSubscriptionId;
            delivery["customerId"] = pseudonym;
            document["id"] = CosmosIds.ForKey(newSubscriptionId);
            foreach (var system in SystemProperties)
            {
                document.Remove(system);
            }

            var partition = new PartitionKey(campaignId);
            using (var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString())))
            using (var upsert = await container.UpsertItemStreamAsync(body, partition, cancellationToken: token).ConfigureAwait(false))
            {
                upsert.EnsureSuccessStatusCode();
            }

            using var delete = await container.DeleteItemStreamAsync(oldId, partition, cancellationToken: token).ConfigureAwait(false);
            _ = Deleted(delete);
            return true;
        });

    private static bool Deleted(ResponseMessage delete)
    {
        if (delete.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        delete.EnsureSuccessStatusCode();
        return true;
    }

    private delegate Task<bool> Change(Container container, JsonObject document, CustomerKey customer, string pseudonym, CancellationToken cancellationToken);

    private sealed class Scanned(string name, Func<Container> container, Func<CustomerKey, QueryDefinition?> query, Change change) : ICustomerRecords
    {
        public string Name => name;

        public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken) =>
            (await FindAsync(customer, cancellationToken).ConfigureAwait(false)).Count;

        public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
        {
            long erased = 0;
            foreach (var document in await FindAsync(customer, cancellationToken).ConfigureAwait(false))
            {
                erased += await change(container(), document, customer, pseudonym, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            return erased;
        }

        private async Task<List<JsonObject>> FindAsync(CustomerKey customer, CancellationToken cancellationToken)
        {
            var found = new List<JsonObject>();
            if (query(customer) is not { } definition)
            {
                return found;
            }

            using var iterator = container().GetItemQueryStreamIterator(definition, null, new QueryRequestOptions { EnableScanInQuery = true, MaxItemCount = 1000 });
            while (iterator.HasMoreResults)
            {
                using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var page = await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var document in page?["Documents"]?.AsArray() ?? [])
                {
                    if (document is JsonObject item)
                    {
                        found.Add(item);
                    }
                }
            }

            return found;
        }
    }
}
