using System.Net;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// A subscription is found by its id from a process that never saw it: where its id names its topic
/// (Subscription.IdFor, <c>channel|customer|topic</c>) without a locator document, which is then not written;
/// an unmatched opt-in keyed by title through its locator, as before.
/// </summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosSubscriptionLookupTests(CosmosTestServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("weekly-deals", null, false)]
    [InlineData(Topic.UnknownId, "Deals | and more", true)]
    [InlineData(Topic.UnknownId, "Something else", true)]
    [InlineData(Topic.UnknownId, "weekly-deals", true)]
    public async Task A_subscription_is_found_by_its_id_by_another_process_with_a_locator_only_where_the_id_does_not_name_its_topic(string topicId, string? title, bool locator)
    {
        var subscription = Subscription.OptInOnMessenger(
            topicId, title, "psid|with-a-bar", "token-1", "Europe/Berlin", null, null, "Current", SubscriptionOrigin.Unrequested, At);
        Assert.True(await NewStore().TrySaveAsync(subscription, CancellationToken.None));

        var found = await NewStore().FindAsync(subscription.Id, CancellationToken.None);

        Assert.Equal((subscription.Id, topicId), (found?.Id, found?.TopicId));
        Assert.Equal(locator, await ExistsAsync(SubscriptionLocatorDocument.IdFor(subscription.Id)));
        Assert.Null(await NewStore().FindAsync(subscription.Id + "-not", CancellationToken.None));
    }

    private CosmosSubscriptionStore NewStore() => new(_database, new CosmosSubscriptionIndex(_database));

    private async Task<bool> ExistsAsync(string id)
    {
        using var read = await _database.Lookups.ReadItemStreamAsync(id, new PartitionKey(id));
        return read.StatusCode != HttpStatusCode.NotFound;
    }
}
