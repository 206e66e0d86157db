using System.Diagnostics;
using ConversationBot.Bot.Delivery.Rate;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Storage.Cosmos;
using ConversationBot.Notifications.Delivery;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// One campaign on three instances on one Cosmos DB store (issue 27): every instance takes work items,
/// a dead instance's items are taken over after their short lease, an orderly stop hands its item back at
/// once, and the Page's send rate holds for the three together.
/// </summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosFleetTests(CosmosTestServer server, ITestOutputHelper output) : EmulatorTest
{
    private const int Instances = 3;
    private readonly string _database = "fleet" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Three_instances_share_a_campaign_to_3000_and_each_subscriber_gets_it_once()
    {
        const int subscribers = 3000;
        await using var fleet = await Fleet.StartAsync(server, _database, Instances, Database.FilePath, Fleet.Delivery(TimeSpan.FromSeconds(2)));
        var a = fleet.Members[0];
        await CampaignChecks.SeedMessengerSubscribersAsync(a.Host, subscribers);
        var clock = Stopwatch.StartNew();

        var id = await new AdminClient(a.Host).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals for the whole fleet" });
        var campaign = await new AdminClient(fleet.Members[1].Host).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(120));

        var records = await CampaignChecks.AllDeliveriesAsync(a.Host, id);
        CampaignChecks.EachTokenOnce(fleet.Requests, subscribers);
        Assert.Equal(subscribers, AdminClient.Progress(campaign, "sent"));
        Assert.All(records, r => Assert.Equal(DeliveryState.Sent, r.State));
        var share = Fleet.ShareOf(records);
        output.WriteLine($"{subscribers} in {clock.Elapsed.TotalSeconds:F1} s; per instance: {string.Join(", ", fleet.Members.Select(m => share.GetValueOrDefault(m.InstanceId)))}");
        Assert.All(fleet.Members, m => Assert.True(share.GetValueOrDefault(m.InstanceId) >= subscribers / 5, $"{m.InstanceId} sent {share.GetValueOrDefault(m.InstanceId)} of {subscribers}"));

        // The admin API shows the same split: each instance, the items it finished and its share.
        var shown = campaign["progress"]!["instances"]!.AsArray().ToDictionary(i => i!["instance"]!.GetValue<string>(), i => i!["sent"]!.GetValue<long>());
        Assert.Equal(fleet.Members.Select(m => m.InstanceId).Order(), shown.Keys.Order());
        Assert.Equal(subscribers, shown.Values.Sum());
        Assert.Equal(subscribers / 50, campaign["progress"]!["itemsDone"]!.GetValue<int>());
    }

    /// <summary>
    /// One instance dies mid-run: its Graph API never answers its sends in flight and it never reaches the
    /// store again (<see cref="CosmosStoreCut"/>). With an item lease of 2 s the others take its item over
    /// within the lease and a renewal period; with the default 15 s that is within 20 s
    /// (<c>CampaignWorkItemTests</c>, on a fake clock).
    /// </summary>
    [Fact]
    public async Task When_one_of_three_instances_dies_the_others_take_its_item_over_and_nothing_is_sent_twice()
    {
        const int subscribers = 1500;
        var lease = TimeSpan.FromSeconds(2);
        await using var fleet = await Fleet.StartAsync(server, _database, Instances, Database.FilePath, Fleet.Delivery(lease));
        var (a, dying) = (fleet.Members[0], fleet.Members[2]);
        await CampaignChecks.SeedMessengerSubscribersAsync(a.Host, subscribers);
        dying.Graph.HoldFrom(150);

        var id = await new AdminClient(a.Host).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals that survive a death" });
        await CampaignChecks.WaitUntilAsync(() => dying.Graph.Held > 0);
        dying.Cut.Cut();
        var died = Stopwatch.StartNew();
        var inFlight = CampaignChecks.CustomersOf(dying.Graph.Requests.Skip(149));
        var held = (await a.Work.ListAsync(id, CancellationToken.None)).Where(i => i.Owner == dying.InstanceId && !i.IsDone).Select(i => i.Index).ToList();
        Assert.NotEmpty(held);

        var takeOver = await Fleet.TakeOverAsync(a.Work, id, dying.InstanceId, held, died);
        var campaign = await new AdminClient(a.Host).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(120));

        var records = await CampaignChecks.AllDeliveriesAsync(a.Host, id);
        var unknown = CampaignChecks.OnlyTheStepInFlightIsUnknown(records, inFlight, parallelSends: Fleet.ParallelSends);
        Assert.All(records.Where(r => unknown.Contains(r.CustomerId)), r => Assert.Equal(dying.InstanceId, r.ClaimedBy));
        CampaignChecks.EachTokenOnce(fleet.Requests, subscribers);
        Assert.Equal((subscribers - unknown.Count, unknown.Count), (AdminClient.Progress(campaign, "sent"), AdminClient.Progress(campaign, "failed")));
        var share = Fleet.ShareOf(records);
        output.WriteLine($"take-over {takeOver.TotalSeconds:F2} s after the death (lease {lease.TotalSeconds} s); {unknown.Count} unknown, the step it was in ({inFlight.Count} held at its Graph API); per instance: {string.Join(", ", fleet.Members.Select(m => share.GetValueOrDefault(m.InstanceId)))}");
        Assert.True(takeOver < lease + lease / 3 + TimeSpan.FromSeconds(2), $"taken over after {takeOver}");
    }

    [Fact]
    public async Task An_instance_stopped_in_an_orderly_way_hands_its_item_back_at_once_and_leaves_nothing_unknown()
    {
        const int subscribers = 1500;
        var lease = TimeSpan.FromSeconds(30);
        await using var fleet = await Fleet.StartAsync(server, _database, Instances, Database.FilePath, Fleet.Delivery(lease));
        var (a, stopping) = (fleet.Members[0], fleet.Members[2]);
        await CampaignChecks.SeedMessengerSubscribersAsync(a.Host, subscribers);

        var id = await new AdminClient(a.Host).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals through a restart" });
        await CampaignChecks.WaitUntilAsync(() => stopping.Graph.Requests.Count >= 100);
        var held = (await a.Work.ListAsync(id, CancellationToken.None)).Where(i => i.Owner == stopping.InstanceId && !i.IsDone).Select(i => i.Index).ToList();
        var stopping_ = Stopwatch.StartNew();
        await fleet.StopAsync(stopping);
        var stopTook = stopping_.Elapsed;
        var stopped = Stopwatch.StartNew();

        var takeOver = await Fleet.TakeOverAsync(a.Work, id, stopping.InstanceId, held, stopped);
        var campaign = await new AdminClient(a.Host).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(120));
        output.WriteLine($"finished {stopped.Elapsed.TotalSeconds:F2} s after the stop");

        var records = await CampaignChecks.AllDeliveriesAsync(a.Host, id);
        Assert.Equal("", string.Join("\n", records.Where(r => r.State != DeliveryState.Sent).Select(r => $"{r.SubscriptionId} {r.State} {r.Reason} {r.Detail}")));
        CampaignChecks.EachTokenOnce(fleet.Requests, subscribers);
        Assert.Equal(subscribers, AdminClient.Progress(campaign, "sent"));
        var share = Fleet.ShareOf(records);
        output.WriteLine($"per instance: {string.Join(", ", fleet.Members.Select(m => share.GetValueOrDefault(m.InstanceId)))}; stop took {stopTook.TotalSeconds:F2} s; item(s) {string.Join(", ", held)} taken up {takeOver.TotalSeconds:F2} s after the stop (lease {lease.TotalSeconds} s)");
        Assert.True(takeOver < TimeSpan.FromSeconds(3), $"taken up after {takeOver}, the lease is {lease}");
    }

    /// <summary>
    /// A 429 with Retry-After: 2 answered to one instance holds back all three: after the sends already
    /// leaving, nothing reaches any Graph API until the wait is over, and the campaign then finishes with
    /// everyone once (the refused send retried). Times are taken at the fake Graph API, from the moment the
    /// 429 went out. "Already leaving": each instance's parallel sends hold a slot each, so the schedule runs
    /// at most instances × parallel sends ahead (0.51 s at 47 a second), and a send may leave up to
    /// FleetSendRate.MaxLateness after its slot; an instance gives up the slots inside the wait once it
    /// knows of it (Bot/Delivery/Rate/FleetSendRate.cs).
    /// </summary>
    [Fact]
    public async Task A_rate_limit_answered_to_one_instance_holds_back_every_instance()
    {
        const int subscribers = 150;
        await using var fleet = await Fleet.StartAsync(server, _database, Instances, Database.FilePath, Fleet.Delivery(TimeSpan.FromSeconds(2), 50));
        var (a, limited) = (fleet.Members[0], fleet.Members[1]);
        await CampaignChecks.SeedMessengerSubscribersAsync(a.Host, subscribers);

        var id = await new AdminClient(a.Host).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals, slowly", sendAt = a.Host.Now().AddMilliseconds(300) });
        await CampaignChecks.WaitUntilAsync(() => limited.Graph.Requests.Count >= 10);
        limited.Graph.AnswerNext(429, MessengerBot.Sample("send-error-rate-limit.json"), retryAfterSeconds: 2);
        var campaign = await new AdminClient(a.Host).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60));

        // Every token once, but the refused one twice: the 429 and its retry.
        var perToken = fleet.Requests.GroupBy(r => r.Body["recipient"]!["notification_messages_token"]!.GetValue<string>()).Select(g => g.Count()).ToList();
        Assert.Equal((subscribers, subscribers - 1, 1), (perToken.Count, perToken.Count(c => c == 1), perToken.Count(c => c == 2)));
        Assert.Equal(subscribers, AdminClient.Progress(campaign, "sent"));
        var second = Stopwatch.Frequency;
        var told = Assert.Single(limited.Graph.AnsweredAt);
        var arrivals = fleet.Members.SelectMany(m => m.Graph.Arrivals).Order().ToList();
        var ahead = TimeSpan.FromSeconds(Instances * Fleet.ParallelSends / (double)FleetSendRate.Scheduled(50)) + FleetSendRate.MaxLateness + TimeSpan.FromMilliseconds(150);
        var holdStarts = told + (long)(ahead.TotalSeconds * second);
        var leaving = arrivals.Where(t => t > told && t <= holdStarts).ToList();
        var held = arrivals.Where(t => t > holdStarts && t < told + second * 19 / 10).ToList();
        var after = arrivals.Where(t => t >= told + second * 19 / 10).ToList();
        static string Ms(long ticks) => $"{ticks * 1000.0 / Stopwatch.Frequency:F0} ms";
        output.WriteLine($"after the 429: {leaving.Count} sends already leaving (the last {(leaving.Count == 0 ? "-" : Ms(leaving[^1] - told))} after it), {held.Count} in the hold ({string.Join(", ", held.Select(t => Ms(t - told)))}), {after.Count} after it");
        Assert.Empty(held);
        Assert.InRange(leaving.Count, 0, Instances * Fleet.ParallelSends);
        Assert.NotEmpty(after);
    }

    /// <summary>
    /// 50 sends a second for the Page, three instances: counted where the Page would count them, at the
    /// Graph API (one fake, timestamps of arrival), over the run and in every one-second window starting at
    /// any arrival (<see cref="PageSendRate"/>).
    /// </summary>
    [Fact]
    public async Task Three_instances_together_keep_the_pages_send_rate()
    {
        const int subscribers = 200;
        const int perSecond = 50;
        await using var fleet = await Fleet.StartAsync(server, _database, Instances, Database.FilePath, Fleet.Delivery(TimeSpan.FromSeconds(2), perSecond));
        var a = fleet.Members[0];
        await CampaignChecks.SeedMessengerSubscribersAsync(a.Host, subscribers);

        var id = await new AdminClient(a.Host).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals at the Page's pace", sendAt = a.Host.Now().AddMilliseconds(300) });
        await new AdminClient(a.Host).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60));

        CampaignChecks.EachTokenOnce(fleet.Requests, subscribers);
        var (busiest, seconds) = PageSendRate.Check([.. fleet.Members.SelectMany(m => m.Graph.Arrivals)], perSecond);
        var senders = fleet.Members.Count(m => m.Graph.Requests.Count > 0);
        output.WriteLine($"busiest one-second window: {busiest} sends (limit {perSecond}); {subscribers} in {seconds:F2} s by {senders} instances");
        Assert.True(senders >= 2, "the rate was shared by fewer than two instances");
    }
}
