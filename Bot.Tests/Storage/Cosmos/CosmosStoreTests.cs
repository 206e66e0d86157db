using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>What the Cosmos DB back end does beyond the shared contracts: its index documents after a crash, hand-offs, the event log, start-up and health.</summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosStoreTests(CosmosTestServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Index_entries_left_by_a_crash_before_the_subscription_was_written_find_nothing()
    {
        var index = new CosmosSubscriptionIndex(_database);
        var store = new CosmosSubscriptionStore(_database, new CosmosSubscriptionIndex(_database));
        var never = Subscription.OptInOnMessenger("weekly-deals", null, "c1", "token-1", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At);

        await index.AddSubscriptionAsync(never.Id, never.TopicId, never.ChannelId, never.CustomerId, None);
        await index.PointTokenAsync("token-1", never.Id, never.TopicId, (_, _) => Task.FromResult(false), None);

        Assert.Null(await store.FindAsync(never.Id, None));
        Assert.Null(await store.FindByTokenAsync("token-1", None));
        Assert.Empty(await store.ListByCustomerAsync("messenger", "c1", None));
        Assert.True(await store.TrySaveAsync(never, None));
        Assert.Equal(never.Id, (await store.FindByTokenAsync("token-1", None))!.Id);
    }

    [Fact]
    public async Task A_token_entry_left_pointing_at_a_subscription_that_moved_on_finds_nothing_and_the_token_can_be_reused()
    {
        var store = new CosmosSubscriptionStore(_database, new CosmosSubscriptionIndex(_database));
        var first = Subscription.OptInOnMessenger("weekly-deals", null, "c1", "old", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At);
        await store.TrySaveAsync(first, None);
        var loaded = (await store.FindAsync(first.Id, None))!;
        loaded.Refresh("new", null, At.AddDays(1));
        await store.TrySaveAsync(loaded, None);

        // As if the process had died before removing the old entry: it points at a subscription that now holds "new".
        await new CosmosSubscriptionIndex(_database).PointTokenAsync("old", first.Id, first.TopicId, (_, _) => Task.FromResult(false), None);

        Assert.Null(await store.FindByTokenAsync("old", None));
        var other = Subscription.OptInOnMessenger("order-updates", null, "c2", "old", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At);
        Assert.True(await store.TrySaveAsync(other, None));
        Assert.Equal(other.Id, (await store.FindByTokenAsync("old", None))!.Id);
    }

    [Fact]
    public async Task A_token_another_subscription_holds_is_refused()
    {
        var store = new CosmosSubscriptionStore(_database, new CosmosSubscriptionIndex(_database));
        await store.TrySaveAsync(Subscription.OptInOnMessenger("weekly-deals", null, "c1", "shared", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At), None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.TrySaveAsync(
            Subscription.OptInOnMessenger("order-updates", null, "c2", "shared", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At), None));
    }

    [Fact]
    public async Task Another_instance_sees_saves_and_conflicts_like_this_one()
    {
        var mine = new CosmosSubscriptionStore(_database, new CosmosSubscriptionIndex(_database));
        using var otherDatabase = new CosmosDatabase(_database.Options, _database.Client);
        var theirs = new CosmosSubscriptionStore(otherDatabase, new CosmosSubscriptionIndex(otherDatabase));
        var subscription = Subscription.OptInOnMessenger("weekly-deals", null, "c1", "t1", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At);
        await mine.TrySaveAsync(subscription, None);
        var loadedHere = (await mine.FindAsync(subscription.Id, None))!;
        var loadedThere = (await theirs.FindByTokenAsync("t1", None))!;

        loadedThere.Stop(At.AddHours(1));
        Assert.True(await theirs.TrySaveAsync(loadedThere, None));
        loadedHere.RecordSent(At.AddHours(2));

        Assert.False(await mine.TrySaveAsync(loadedHere, None));
        Assert.Equal(SubscriptionStatus.Stopped, (await mine.FindAsync(subscription.Id, None))!.Status);
    }

    [Fact]
    public async Task Handoffs_are_stored_listed_renewed_and_released()
    {
        var store = new CosmosHandoffStore(_database);

        await store.SaveAsync(new Handoff("emulator", "c1|livechat/ü", "u1", At, At.AddHours(24)), None);
        await store.SaveAsync(new Handoff("emulator", "c1|livechat/ü", "u1", At.AddHours(1), At.AddHours(25)), None);
        await store.SaveAsync(new Handoff("facebook", "c2", "u2", At.AddMinutes(30), At.AddHours(24)), None);

        Assert.Equal(At.AddHours(25), (await store.FindAsync("emulator", "c1|livechat/ü", None))!.ExpiresAt);
        Assert.Equal(["c2", "c1|livechat/ü"], (await store.ListAsync(None)).Select(h => h.ConversationId));
        Assert.True(await store.ReleaseAsync("emulator", "c1|livechat/ü", None));
        Assert.False(await store.ReleaseAsync("emulator", "c1|livechat/ü", None));
        Assert.Null(await store.FindAsync("emulator", "c1|livechat/ü", None));
        Assert.Equal(["c2"], (await store.ListAsync(None)).Select(h => h.ConversationId));
    }

    [Fact]
    public async Task Health_is_healthy_while_the_database_answers_and_unhealthy_when_it_does_not()
    {
        var healthy = await new CosmosHealthCheck(_database).CheckHealthAsync(new HealthCheckContext());
        using var missing = new CosmosDatabase(new CosmosOptions { Endpoint = _database.Options.Endpoint, Key = CosmosTestServer.Key, Database = "never-created" }, _database.Client);
        var unhealthy = await new CosmosHealthCheck(missing).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Contains("never-created", unhealthy.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_creates_the_database_and_every_container_and_may_run_again()
    {
        var options = new CosmosOptions
        {
            Endpoint = server.Endpoint,
            Key = CosmosTestServer.Key,
            Database = "startup-" + Guid.NewGuid().ToString("N"),
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            Containers = new() { ["state"] = "botstate" },
        };
        var clientOptions = new CosmosClientOptions();
        CosmosTestServer.UseWorkarounds(clientOptions);
        using var database = new CosmosDatabase(options, CosmosClientFactory.Create(options, clientOptions));
        var initializer = new CosmosDatabaseInitializer(database, NullLogger<CosmosDatabaseInitializer>.Instance);

        await initializer.StartAsync(None);
        await initializer.StartAsync(None);

        foreach (var spec in CosmosContainers.All)
        {
            var properties = (await database.Database.GetContainer(options.ContainerName(spec)).ReadContainerAsync()).Resource;
            Assert.Equal(spec.PartitionKeyPath, properties.PartitionKeyPath);
            Assert.Equal(spec.DefaultTimeToLiveSeconds, properties.DefaultTimeToLive);
            Assert.Equal(spec.IndexedPaths, properties.IndexingPolicy.IncludedPaths.Select(p => p.Path));
            Assert.Equal(["/*"], properties.IndexingPolicy.ExcludedPaths.Select(p => p.Path));
        }

        Assert.Equal("botstate", database.State.Id);
    }

    /// <summary>
    /// A container created before TTL and indexing policies (every path indexed, nothing expiring) is
    /// brought in line when a key may change it. The test server keeps the policy it is given but
    /// neither indexes nor expires anything, so this checks what the service is told, not what it does.
    /// </summary>
    [Fact]
    public async Task Start_up_gives_an_existing_container_the_codes_time_to_live_and_indexing_policy()
    {
        var options = server.OptionsFor("upgrade-" + Guid.NewGuid().ToString("N"));
        using var database = new CosmosDatabase(options, CosmosClientFactory.Create(options, CosmosTestServer.WithWorkarounds()));
        await database.Client.CreateDatabaseIfNotExistsAsync(options.Database);
        await database.Database.CreateContainerAsync(new ContainerProperties("state", "/id"));
        await database.Database.CreateContainerAsync(new ContainerProperties("deliveries", "/campaignId"));

        await new CosmosDatabaseInitializer(database, NullLogger<CosmosDatabaseInitializer>.Instance).StartAsync(None);

        var state = (await database.State.ReadContainerAsync()).Resource;
        var deliveries = (await database.Deliveries.ReadContainerAsync()).Resource;
        Assert.Equal((-1, 400 * 24 * 60 * 60), (state.DefaultTimeToLive, deliveries.DefaultTimeToLive));
        Assert.Empty(state.IndexingPolicy.IncludedPaths);
        Assert.Equal(["/campaignId/?"], deliveries.IndexingPolicy.IncludedPaths.Select(p => p.Path));
        Assert.Equal(["/*"], state.IndexingPolicy.ExcludedPaths.Select(p => p.Path));
    }

    [Fact]
    public async Task Start_up_fails_with_a_message_naming_the_endpoint_when_nothing_answers_there()
    {
        var options = new CosmosOptions
        {
            Endpoint = new Uri("http://127.0.0.1:9/"),
            Key = CosmosTestServer.Key,
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            StartupTimeout = TimeSpan.FromSeconds(3),
        };
        using var database = new CosmosDatabase(options, CosmosClientFactory.Create(options, new CosmosClientOptions()));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => new CosmosDatabaseInitializer(database, NullLogger<CosmosDatabaseInitializer>.Instance).StartAsync(None));

        Assert.Contains("http://127.0.0.1:9/", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider", failure.Message, StringComparison.Ordinal);
    }
}
