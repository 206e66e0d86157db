using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Delivery;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// Exactly-once across restarts and instances, counted at the fake Graph API: a host killed or stopped
/// in the middle of a campaign and a second host on the same database, and two hosts racing for the
/// same campaign.
/// </summary>
public sealed class CampaignCrashSafetyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Subscribers = 240;

    private readonly TempDatabase _database = new();
    private FakeGraphApi _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraphApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_host_killed_mid_page_leaves_only_its_sends_in_flight_unknown_and_the_next_host_sends_everyone_else_once()
    {
        const int parallelSends = 8;
        var settings = AdminClient.Settings(new Dictionary<string, string?>(MessengerBot.Settings(_graph))
        {
            ["Storage:Sqlite:Path"] = _database.FilePath,
            ["Delivery:PageSize"] = "200",
            ["Delivery:MaxParallelSends"] = parallelSends.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:MessengerSendsPerSecond"] = "0",
            ["Delivery:PollInterval"] = "00:00:00.100",
            ["Delivery:MaxRetryWait"] = "00:00:00.100",
            ["Delivery:LeaseDuration"] = "00:00:02",
        });
        await using (var seeding = BotHost.Start(_database.FilePath, new Dictionary<string, string?>(settings) { ["Delivery:Enabled"] = "false" }))
        {
            await CampaignChecks.SeedMessengerSubscribersAsync(seeding, Subscribers);
        }

        // The 61st send and those after it get no answer: the host dies with them in flight, in the first page.
        _graph.HoldFrom(61);
        var first = await BotProcess.StartAsync(settings);
        var id = await new AdminClient(first.BaseAddress).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals that survive a crash" });
        await CampaignChecks.WaitUntilAsync(() => _graph.Held > 0);
        await first.KillAsync();
        var inFlight = CampaignChecks.CustomersOf(_graph.Requests.Skip(60));
        _graph.ReleaseHeld();

        await using var second = BotHost.Start(_database.FilePath, settings);
        var campaign = await new AdminClient(second).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60));

        var unknown = CampaignChecks.OnlyTheStepInFlightIsUnknown(await CampaignChecks.AllDeliveriesAsync(second, id), inFlight, parallelSends);
        var received = _graph.Requests.GroupBy(r => r.Body["recipient"]!["notification_messages_token"]!.GetValue<string>()).ToList();
        output.WriteLine($"killed after 60 sends answered, {inFlight.Count} more held unanswered at the fake Send API; there {received.Count} of {Subscribers} received, "
            + $"{received.Count(g => g.Count() > 1)} twice, {Subscribers - received.Count} never; {unknown.Count} recorded OutcomeUnknown (the claims of the step it died in, "
            + $"{unknown.Count(inFlight.Contains)} of them had reached the API)");
        CampaignChecks.EachTokenOnce(_graph, Subscribers);
        Assert.Equal((Subscribers - unknown.Count, unknown.Count), (AdminClient.Progress(campaign, "sent"), AdminClient.Progress(campaign, "failed")));
    }

    [Fact]
    public async Task A_host_stopped_mid_campaign_and_a_new_one_send_each_subscriber_exactly_once()
    {
        _graph.ResponseDelay = TimeSpan.FromMilliseconds(15);
        var first = Start();
        await CampaignChecks.SeedMessengerSubscribersAsync(first, Subscribers);
        var id = await new AdminClient(first).CreateCampaignAsync(new { topic = "weekly-deals", text = "Crash-safe deals" });
        await CampaignChecks.WaitUntilAsync(() => _graph.Requests.Count >= 40);

        await first.DisposeAsync();
        var sentBeforeStop = _graph.Requests.Count;
        Assert.InRange(sentBeforeStop, 40, Subscribers - 1);

        await using var second = Start();
        var campaign = await new AdminClient(second).WaitUntilFinishedAsync(id);

        var records = await CampaignChecks.AllDeliveriesAsync(second, id);
        Assert.Equal("", string.Join("\n", records.Where(r => r.State != DeliveryState.Sent).Select(r => $"{r.SubscriptionId} {r.State} {r.Reason} {r.Detail}")));
        CampaignChecks.EachTokenOnce(_graph, Subscribers);
        Assert.Equal(Subscribers, AdminClient.Progress(campaign, "sent"));
        Assert.Equal(Subscribers, records.Count);
        Assert.All(records, r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task Two_hosts_on_one_store_send_a_campaign_to_each_subscriber_exactly_once()
    {
        await using var a = Start();
        await using var b = Start();
        await CampaignChecks.SeedMessengerSubscribersAsync(a, Subscribers);

        // Due in a moment, so both hosts' polls find it at about the same time.
        var id = await new AdminClient(a).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals for everyone", sendAt = a.Now().AddMilliseconds(300) });
        var campaign = await new AdminClient(b).WaitUntilFinishedAsync(id);

        CampaignChecks.EachTokenOnce(_graph, Subscribers);
        Assert.Equal(Subscribers, AdminClient.Progress(campaign, "sent"));
    }

    private BotHost Start() => BotHost.Start(_database.FilePath, AdminClient.Settings(new Dictionary<string, string?>(MessengerBot.Settings(_graph))
    {
        ["Delivery:PageSize"] = "20",
        ["Delivery:MaxParallelSends"] = "4",
        ["Delivery:PollInterval"] = "00:00:00.050",
    }));
}
