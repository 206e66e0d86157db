using System.Diagnostics.Metrics;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Storage.Cosmos;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// The real host with <c>Storage:Provider = Cosmos</c> on the local Cosmos DB test server: every piece
/// of data moves with that one setting. A conversation, an opt-in and campaigns survive a restart and
/// nothing is sent twice; a host stopped mid-campaign and two hosts racing send each subscriber exactly once.
/// </summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosEndToEndTests(CosmosTestServer server) : EmulatorTest
{
    private const int Subscribers = 120;

    private readonly string _database = "e2e" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Chat_opt_in_and_campaigns_survive_a_restart_and_nothing_is_sent_twice()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var bot = Start(AdminClient.Settings(), clock);
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("where is my order 10045?");
        using (var allowed = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }))
        {
            allowed.EnsureSuccessStatusCode();
        }

        Assert.StartsWith("Done! You'll get \"Updates on your orders\"", emulator.NewReplies()[0].Text, StringComparison.Ordinal);
        var first = await new AdminClient(bot).WaitUntilFinishedAsync(await new AdminClient(bot).CreateCampaignAsync(new { topic = "order-updates", text = "Your order 10045 has shipped." }));
        Assert.Equal("Your order 10045 has shipped.", Assert.Single(emulator.NewReplies()).Text);
        await emulator.SayAndReadAsync("hi");
        Assert.StartsWith("What's your order number?", Assert.Single(await emulator.SayAndReadAsync("1")).Text, StringComparison.Ordinal);
        await bot.DisposeAsync();

        clock.Advance(TimeSpan.FromDays(1));
        await using var restarted = Start(AdminClient.Settings(), clock);
        emulator.SwitchTo(restarted);
        var replies = await emulator.SayAndReadAsync("10046");
        replies[0].HasAdaptiveCardContaining("10046", "Daypack 22 l");

        var admin = new AdminClient(restarted);
        var second = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "order-updates", text = "Your order 10046 has shipped." }));
        var third = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "order-updates", text = "A second message the same day" }));

        Assert.Equal(["Your order 10046 has shipped."], emulator.NewReplies().Select(r => r.Text));
        Assert.Equal((1, 1, 0), (AdminClient.Progress(first, "sent"), AdminClient.Progress(second, "sent"), AdminClient.Progress(third, "sent")));
        Assert.Equal(1, AdminClient.Progress(third, "skipped"));
        var stored = Assert.Single(await restarted.Services.GetRequiredService<ISubscriptionStore>().ListByCustomerAsync("emulator", emulator.UserId, CancellationToken.None));
        Assert.Equal(SubscriptionStatus.Active, stored.Status);
        Assert.Equal(clock.GetUtcNow(), stored.LastSentAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_host_stopped_mid_campaign_and_a_new_one_send_each_subscriber_exactly_once()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        graph.ResponseDelay = TimeSpan.FromMilliseconds(15);
        var first = StartMessenger(graph);
        await CampaignChecks.SeedMessengerSubscribersAsync(first, Subscribers);
        var id = await new AdminClient(first).CreateCampaignAsync(new { topic = "weekly-deals", text = "Crash-safe deals" });
        await CampaignChecks.WaitUntilAsync(() => graph.Requests.Count >= 20);

        await first.DisposeAsync();
        Assert.InRange(graph.Requests.Count, 20, Subscribers - 1);

        await using var second = StartMessenger(graph);
        var campaign = await new AdminClient(second).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60));

        var records = await CampaignChecks.AllDeliveriesAsync(second, id);
        Assert.Equal("", string.Join("\n", records.Where(r => r.State != DeliveryState.Sent).Select(r => $"{r.SubscriptionId} {r.State} {r.Reason} {r.Detail}")));
        CampaignChecks.EachTokenOnce(graph, Subscribers);
        Assert.Equal(Subscribers, AdminClient.Progress(campaign, "sent"));
        Assert.Equal(Subscribers, records.Count);
    }

    /// <summary>
    /// The Cosmos DB test server needs a test-only HTTP handler that a separate process cannot have, so
    /// here the dying host is frozen and cut off rather than killed: its sends in flight never get an
    /// answer and it never writes to the store again (no outcome, no renewal of its item's lease) while a
    /// second host takes the campaign over, which is what the store sees of a crash. (On SQLite a real process is killed: <see cref="CampaignCrashSafetyTests"/>.)
    /// </summary>
    [Fact]
    public async Task A_host_that_dies_mid_page_leaves_only_its_sends_in_flight_unknown_and_the_next_host_sends_everyone_else_once()
    {
        const int parallelSends = 4;
        var deadGraph = await FakeGraphApi.StartAsync();
        await using var liveGraph = await FakeGraphApi.StartAsync();
        var delivery = new Dictionary<string, string?>
        {
            ["Delivery:PageSize"] = "100",
            ["Delivery:MaxParallelSends"] = parallelSends.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:MessengerSendsPerSecond"] = "0",
            ["Delivery:PollInterval"] = "00:00:00.050",
            ["Delivery:MaxRetryWait"] = "00:00:00.100",
            ["Delivery:LeaseDuration"] = "00:00:02",
        };
        deadGraph.HoldFrom(31);
        var cut = new CosmosStoreCut();
        var dying = Start(AdminClient.Settings(new Dictionary<string, string?>(MessengerBot.Settings(deadGraph)) { ["Messenger:SendTimeout"] = "00:01:00" }.Concat(delivery).ToDictionary()), null, cut);
        try
        {
            await CampaignChecks.SeedMessengerSubscribersAsync(dying, Subscribers);
            var id = await new AdminClient(dying).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals that survive a crash" });
            await CampaignChecks.WaitUntilAsync(() => deadGraph.Held > 0);
            cut.Cut();
            var inFlight = CampaignChecks.CustomersOf(deadGraph.Requests.Skip(30));

            await using var second = Start(AdminClient.Settings(new Dictionary<string, string?>(MessengerBot.Settings(liveGraph)).Concat(delivery).ToDictionary()), null);
            var campaign = await new AdminClient(second).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60));

            var unknown = CampaignChecks.OnlyTheStepInFlightIsUnknown(await CampaignChecks.AllDeliveriesAsync(second, id), inFlight, parallelSends);
            CampaignChecks.EachTokenOnce(deadGraph.Requests.Concat(liveGraph.Requests), Subscribers);
            Assert.Equal((Subscribers - unknown.Count, unknown.Count), (AdminClient.Progress(campaign, "sent"), AdminClient.Progress(campaign, "failed")));
        }
        finally
        {
            // Its held sends fail when the dead Graph API goes; only then can it stop.
            await deadGraph.DisposeAsync();
            await dying.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_account_send_a_campaign_to_each_subscriber_exactly_once()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        await using var a = StartMessenger(graph);
        await using var b = StartMessenger(graph);
        await CampaignChecks.SeedMessengerSubscribersAsync(a, Subscribers);

        var id = await new AdminClient(a).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals for everyone", sendAt = a.Now().AddMilliseconds(300) });
        var campaign = await new AdminClient(b).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60));

        CampaignChecks.EachTokenOnce(graph, Subscribers);
        Assert.Equal(Subscribers, AdminClient.Progress(campaign, "sent"));
    }

    /// <summary>
    /// The test server charges 1 RU per request, so this counts requests: a turn is a handful of point
    /// reads and writes, never a query. (On Azure a point read of a small document is about 1 RU and a
    /// write about 5 to 10.) A regression that adds queries or read-modify-writes to the turn shows here.
    /// This turn shows an opt-in offer, which is also counted for the topic's day (Notifications/Activity:
    /// a patch, and for the day's first count a create after the patch found nothing), and records the
    /// offer on the history read to decide it (no second read): 10 at most.
    /// </summary>
    [Fact]
    public async Task A_chat_turn_costs_a_handful_of_point_operations()
    {
        await using var bot = Start(new Dictionary<string, string?>(), null);
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("hi");
        var charges = new List<(double Units, string Container, string Method)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CosmosRequestCharges.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, units, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string ?? "");
            if (tagged["container"] == "campaigns")
            {
                // The delivery worker's look for due campaigns, on its own timer: not the turn's.
                return;
            }

            lock (charges)
            {
                charges.Add((units, tagged["container"], tagged["method"]));
            }
        });
        listener.Start();

        await emulator.SayAndReadAsync("where is my order 10045?");
        listener.Dispose();

        var summary = string.Join(", ", charges.GroupBy(c => $"{c.Method} {c.Container}").Select(g => $"{g.Key} x{g.Count()}"));
        Assert.True(charges.Count is > 0 and <= 10, summary);
    }

    /// <summary>
    /// Every state document carries the idle time as its <c>ttl</c>. The test server never expires
    /// anything, so the expiry is done here as the service would do it (the documents deleted), and the
    /// customer's next message starts a fresh conversation instead of failing.
    /// </summary>
    [Fact]
    public async Task An_expired_state_document_gives_a_fresh_conversation_not_an_error()
    {
        await using var bot = Start(new Dictionary<string, string?> { ["Storage:ConversationStateIdleTime"] = "30.00:00:00" }, null);
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("hi");
        Assert.StartsWith("What's your order number?", Assert.Single(await emulator.SayAndReadAsync("1")).Text, StringComparison.Ordinal);
        var state = bot.Services.GetRequiredService<CosmosDatabase>().State;
        var documents = new List<Newtonsoft.Json.Linq.JObject>();
        using (var query = state.GetItemQueryIterator<Newtonsoft.Json.Linq.JObject>("SELECT * FROM c"))
        {
            while (query.HasMoreResults)
            {
                documents.AddRange(await query.ReadNextAsync());
            }
        }

        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.Equal(30 * 24 * 60 * 60, d.Value<int>("ttl")));
        foreach (var document in documents)
        {
            await state.DeleteItemAsync<Newtonsoft.Json.Linq.JObject>(document.Value<string>("id"), new PartitionKey(document.Value<string>("id")));
        }

        Assert.Equal("How can I help you?", Assert.Single(await emulator.SayAndReadAsync("10046")).Text);
    }

    /// <summary>
    /// A delivered campaign message is a claim (create), its reservation on the subscription (replace)
    /// and its outcome (replace on the ETag the create returned): no read of a delivery record that is
    /// not there, no read before a replace. The page's query of subscribers is per page, not per message.
    /// </summary>
    [Fact]
    public async Task A_delivered_campaign_message_costs_two_writes_and_no_read_of_a_delivery_record()
    {
        const int subscribers = 40;
        var counter = new CosmosOperationCounter();
        await using var graph = await FakeGraphApi.StartAsync();
        await using var bot = Start(
            AdminClient.Settings(new Dictionary<string, string?>(MessengerBot.Settings(graph)) { ["Delivery:PageSize"] = "20", ["Delivery:PollInterval"] = "00:00:00.050" }),
            null,
            counter);
        await CampaignChecks.SeedMessengerSubscribersAsync(bot, subscribers);
        counter.Start();

        var admin = new AdminClient(bot);
        var campaign = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Two writes each" }));

        Assert.Equal(subscribers, AdminClient.Progress(campaign, "sent"));
        CampaignChecks.EachTokenOnce(graph, subscribers);

        // The subscription's claim (a replace on the ETag the page's query returned) and the outcome's create.
        var perMessage = counter.PointOperations("deliveries", "subscriptions") / (double)subscribers;
        Assert.True(perMessage <= 2, $"{perMessage} point operations per delivered message: {counter}");
        Assert.Equal((subscribers, 0, 0), (counter.Count("deliveries", "create"), counter.Count("deliveries", "replace"), counter.Count("deliveries", "read")));
    }

    [Fact]
    public async Task Messenger_redeliveries_are_processed_once_and_the_opt_in_is_found_by_its_token()
    {
        await using var bot = await MessengerBot.StartAsync(
            settings: server.Settings(_database),
            replaceServices: services => services.Configure<CosmosClientOptions>(CosmosTestServer.UseWorkarounds));

        using (var first = await bot.PostSampleAsync("optin-notification-messages.json"))
        using (var retry = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        }

        using (var batch = await bot.PostSampleAsync("batch.json"))
        {
            batch.EnsureSuccessStatusCode();
        }

        var sent = bot.Graph.Requests.Count;
        using (var batchAgain = await bot.PostSampleAsync("batch.json"))
        {
            batchAgain.EnsureSuccessStatusCode();
        }

        Assert.Equal(3, bot.Bot.Received.Count);
        Assert.Equal(sent, bot.Graph.Requests.Count);
        var subscription = await bot.Host.Services.GetRequiredService<ISubscriptionStore>().FindByTokenAsync("8183222379117308817", CancellationToken.None);
        Assert.Equal(SubscriptionStatus.Active, subscription!.Status);
    }

    /// <summary>
    /// The topics' counts come from a counter each (issue 26, item 5): answering /api/admin/topics sends
    /// nothing to the subscriptions container. A subscription written without its count, as a process that
    /// died between the two writes leaves it, shows one short until the recount heals it.
    /// </summary>
    [Fact]
    public async Task Topics_are_counted_without_reading_a_subscriber_and_a_recount_heals_a_count_a_crash_left_short()
    {
        await using var bot = Start(AdminClient.Settings(), null);
        var admin = new AdminClient(bot);
        var consent = bot.Services.GetRequiredService<ConsentService>();
        var at = bot.Now();
        foreach (var customer in new[] { "c1", "c2", "c3" })
        {
            await consent.AllowFromCardAsync("emulator", customer, "weekly-deals", "{\"conversation\":{\"id\":\"" + customer + "\"}}", null, at, CancellationToken.None);
        }

        await consent.AllowFromCardAsync("emulator", "c1", "order-updates", "{\"conversation\":{\"id\":\"c1\"}}", null, at, CancellationToken.None);
        await admin.TopicsAsync();
        await consent.StopByCustomerAsync("emulator", "c2", "weekly-deals", at.AddMinutes(1), CancellationToken.None);
        await consent.AllowFromCardAsync("emulator", "c4", "weekly-deals", "{\"conversation\":{\"id\":\"c4\"}}", null, at.AddMinutes(2), CancellationToken.None);

        var requests = new List<(string Container, string Method)>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CosmosRequestCharges.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string ?? "");
                lock (requests)
                {
                    requests.Add((tagged["container"], tagged["method"]));
                }
            });
            listener.Start();
            var topics = await admin.TopicsAsync();
            Assert.Equal((3, 1), (AdminClient.ActiveSubscribers(topics, "weekly-deals"), AdminClient.ActiveSubscribers(topics, "order-updates")));
        }

        Assert.NotEmpty(requests);
        Assert.DoesNotContain(requests, r => r.Container == CosmosContainers.Subscriptions.Name);

        // The subscription document written, its count never patched: what a crash between the two leaves.
        var crashed = Subscription.OptInWithConversationReference("weekly-deals", null, "emulator", "c5", "{\"conversation\":{\"id\":\"c5\"}}", null, Frequency.Weekly, "Current", at);
        using (var body = CosmosJson.Write(SubscriptionDocument.From(crashed.ToSnapshot(), 1)))
        using (var write = await bot.Services.GetRequiredService<CosmosDatabase>().Subscriptions.CreateItemStreamAsync(body, new PartitionKey("weekly-deals")))
        {
            write.EnsureSuccessStatusCode();
        }

        Assert.Equal(3, AdminClient.ActiveSubscribers(await admin.TopicsAsync(), "weekly-deals"));
        Assert.Equal(4, AdminClient.ActiveSubscribers(await admin.RecountTopicsAsync(), "weekly-deals"));
        Assert.Equal(4, AdminClient.ActiveSubscribers(await admin.TopicsAsync(), "weekly-deals"));
    }

    [Fact]
    public async Task Health_reports_the_cosmos_account()
    {
        await using var bot = Start(new Dictionary<string, string?>(), null);

        using var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var body = await health.Content.ReadAsStringAsync();

        health.EnsureSuccessStatusCode();
        Assert.True(body.Contains("Cosmos DB at " + server.Endpoint, StringComparison.Ordinal), body);
    }

    private BotHost Start(IDictionary<string, string?> settings, FakeTimeProvider? clock, RequestHandler? counter = null)
    {
        var all = server.Settings(_database);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return BotHost.Start(Database.FilePath, all, services =>
        {
            services.Configure<CosmosClientOptions>(CosmosTestServer.UseWorkarounds);
            if (counter is not null)
            {
                services.Configure<CosmosClientOptions>(options => options.CustomHandlers.Add(counter));
            }

            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
        });
    }

    private BotHost StartMessenger(FakeGraphApi graph) => Start(
        AdminClient.Settings(new Dictionary<string, string?>(MessengerBot.Settings(graph))
        {
            ["Delivery:PageSize"] = "20",
            ["Delivery:MaxParallelSends"] = "4",
            ["Delivery:PollInterval"] = "00:00:00.050",
        }),
        null);
}
