using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Delivery;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// SIGKILL in the middle of a two-product campaign (issue 23's required test): the published bot as a process of
/// its own on a SQLite file sends to US subscribers through Marketing Messages (the local stand-in, hosted in this
/// test process so it outlives the kill: <see cref="StandInGraphServer"/>) and to German ones through Recurring
/// Notifications (the fake Send API, <see cref="FakeGraphApi"/>). It is killed with sends in flight at the stand-in,
/// and a second process on the same file finishes the campaign. Counted from outside, at both fakes and through the
/// admin API: nobody lost, nobody twice, only the step in flight unknown, and one Meta campaign
/// (found again by its name, Bot/Messenger/MarketingMessages/MetaCampaigns.cs), also when the bot died between
/// Meta creating it and hearing so.
/// </summary>
public sealed class MarketingMessagesCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int UsSubscribers = 200;
    private const int GermanSubscribers = 100;
    private const int ParallelSends = 8;

    private readonly TempDatabase _database = new();
    private FakeGraphApi _sendApi = null!;
    private StandInGraphServer _meta = null!;

    public async Task InitializeAsync()
    {
        _sendApi = await FakeGraphApi.StartAsync();

        // No delivery webhooks (nobody to post them to once the bot is killed), no dropped messages: this test counts sends.
        _meta = await StandInGraphServer.StartAsync(new() { FailedShare = 0, WarmUp = TimeSpan.Zero }, MessengerBot.PageAccessToken);
    }

    public async Task DisposeAsync()
    {
        await _meta.DisposeAsync();
        await _sendApi.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_bot_killed_with_Marketing_Messages_sends_in_flight_is_finished_by_the_next_with_none_twice_only_the_step_in_flight_unknown_and_one_Meta_campaign()
    {
        const int acceptedBeforeKill = 60;
        var settings = await SeededAsync();

        // The 61st send through Marketing Messages and those after it reach the stand-in, which answers none of them.
        _meta.HoldSendsFrom(acceptedBeforeKill + 1);
        var first = await BotProcess.StartAsync(settings);
        var id = await new AdminClient(first.BaseAddress).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals that survive a crash" });
        await CampaignChecks.WaitUntilAsync(() => _meta.Held > 0);
        await first.KillAsync();
        var inFlight = HeldTokens();
        _meta.ReleaseHeld();

        await using var second = await BotProcess.StartAsync(settings);
        var admin = new AdminClient(second.BaseAddress);
        var campaign = await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(90));
        var figures = await CountAsync(admin, id);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"killed after {acceptedBeforeKill} Marketing Messages sends accepted, {inFlight.Count} in flight at the stand-in; {figures}"));
        output.WriteLine($"progress after the restart: {campaign["progress"]!.ToJsonString()}");

        Assert.Equal((0, 0), (figures.Lost, figures.Duplicated));
        Assert.InRange(figures.Unknown.Count, 1, ParallelSends);
        Assert.Subset(figures.Unknown, inFlight);
        Assert.Equal(string.Empty, string.Join("\n", figures.NotSent.Where(d => !figures.Unknown.Contains(d))));
        Assert.Equal((UsSubscribers + GermanSubscribers - figures.Unknown.Count, figures.Unknown.Count), (AdminClient.Progress(campaign, "sent"), AdminClient.Progress(campaign, "failed")));
        OneMetaCampaign(id);
    }

    [Fact]
    public async Task A_bot_killed_after_Meta_created_its_campaign_but_before_hearing_so_finds_it_again_and_creates_no_second()
    {
        var settings = await SeededAsync();

        _meta.HoldCreations();
        var first = await BotProcess.StartAsync(settings);
        var id = await new AdminClient(first.BaseAddress).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals from one Meta campaign" });
        await CampaignChecks.WaitUntilAsync(() => _meta.Held > 0);
        await first.KillAsync();
        _meta.ReleaseHeld();

        await using var second = await BotProcess.StartAsync(settings);
        var admin = new AdminClient(second.BaseAddress);
        var campaign = await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(90));
        var figures = await CountAsync(admin, id);
        output.WriteLine($"killed waiting for Meta's answer to the campaign creation; {figures}");

        // The step in flight (its US subscribers waiting for the Meta campaign) is unknown, at most once: not sent again.
        Assert.Equal((0, 0), (figures.Lost, figures.Duplicated));
        Assert.InRange(figures.Unknown.Count, 1, ParallelSends);
        Assert.Equal(string.Empty, string.Join("\n", figures.NotSent.Where(d => !figures.Unknown.Contains(d))));
        Assert.Equal(UsSubscribers - figures.Unknown.Count(TwoProductSubscribers.IsUs), _meta.Graph.Accepted.Count);
        Assert.Equal(UsSubscribers + GermanSubscribers - figures.Unknown.Count, AdminClient.Progress(campaign, "sent"));
        OneMetaCampaign(id);
    }

    /// <summary>The bot's settings on the test's database, with 200 US and 100 German subscribers of weekly deals saved by a host that sends nothing.</summary>
    private async Task<Dictionary<string, string?>> SeededAsync()
    {
        var settings = TwoProductSubscribers.Settings(_sendApi, _meta, _database.FilePath);
        settings["Delivery:PageSize"] = "100";
        settings["Delivery:MaxParallelSends"] = ParallelSends.ToString(CultureInfo.InvariantCulture);
        settings["Delivery:MessengerSendsPerSecond"] = "0";
        settings["Delivery:PollInterval"] = "00:00:00.100";
        settings["Delivery:MaxRetryWait"] = "00:00:00.100";
        settings["Delivery:LeaseDuration"] = "00:00:02";
        settings["Delivery:ItemLeaseDuration"] = "00:00:02";
        await TwoProductSubscribers.SeedAsync(settings, UsSubscribers, GermanSubscribers);
        return settings;
    }

    private static string Psid(string region, int i) => TwoProductSubscribers.Psid(region, i);

    private static string PsidOf(string token) => TwoProductSubscribers.PsidOf(token);

    private HashSet<string> HeldTokens()
    {
        lock (_meta.HeldTokens)
        {
            return [.. _meta.HeldTokens.Select(PsidOf)];
        }
    }

    /// <summary>
    /// What each subscriber got, counted where it arrived: US tokens at the stand-in, German tokens at the Send API,
    /// nobody through the wrong product; and what the surviving host's delivery records say (through the admin API).
    /// </summary>
    private async Task<CrashFigures> CountAsync(AdminClient admin, string campaignId)
    {
        var us = _meta.Graph.Accepted.GroupBy(a => PsidOf(a.Token)).ToDictionary(g => g.Key, g => g.Count());
        var german = _sendApi.Requests.GroupBy(r => PsidOf(r.Body["recipient"]!["notification_messages_token"]!.GetValue<string>())).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(us.Keys, c => Assert.True(TwoProductSubscribers.IsUs(c), c));
        Assert.All(german.Keys, c => Assert.False(TwoProductSubscribers.IsUs(c), c));

        var deliveries = new List<JsonNode>();
        string? continuation = null;
        do
        {
            var path = $"/api/admin/campaigns/{Uri.EscapeDataString(campaignId)}/deliveries?pageSize=100" + (continuation is null ? string.Empty : $"&continuation={Uri.EscapeDataString(continuation)}");
            var (status, body) = await admin.SendAsync(HttpMethod.Get, path);
            Assert.Equal(200, status);
            deliveries.AddRange(body!["deliveries"]!.AsArray()!);
            continuation = body["continuation"]?.GetValue<string>();
        }
        while (continuation is not null);

        var unknown = deliveries.Where(d => d["reason"]?.GetValue<string>() == DeliveryReasons.OutcomeUnknown).Select(d => d["customerId"]!.GetValue<string>()).ToHashSet();
        var everyone = Enumerable.Range(0, UsSubscribers).Select(i => Psid("us", i)).Concat(Enumerable.Range(0, GermanSubscribers).Select(i => Psid("eu", i))).ToList();
        var received = everyone.ToDictionary(c => c, c => us.GetValueOrDefault(c) + german.GetValueOrDefault(c));
        return new CrashFigures(
            Lost: received.Count(r => r.Value == 0 && !unknown.Contains(r.Key)),
            Duplicated: received.Count(r => r.Value > 1),
            Unknown: unknown,
            UnknownReceived: unknown.Count(c => received[c] == 1),
            Records: deliveries.Count,
            NotSent: [.. deliveries.Where(d => d["state"]!.GetValue<string>() != nameof(DeliveryState.Sent)).Select(d => d["customerId"]!.GetValue<string>())],
            ThroughMarketingMessages: us.Values.Sum(),
            ThroughRecurringNotifications: german.Values.Sum());
    }

    /// <summary>Exactly one Meta campaign, of our campaign's name, was ever created at the stand-in.</summary>
    private void OneMetaCampaign(string campaignId)
    {
        Assert.Equal(1, _meta.Creations);
        Assert.Equal(1, _meta.Graph.CampaignCount);
        var listed = _meta.Graph.ListAds("1234567890").Body["data"]!.AsArray();
        Assert.Equal(MetaCampaigns.NameFor(campaignId), Assert.Single(listed)!["campaign"]!["name"]!.GetValue<string>());
        Assert.All(_meta.Graph.Accepted, a => Assert.Equal(listed[0]!["id"]!.GetValue<string>(), a.CampaignId));
    }

    /// <param name="Lost">Subscribers who got nothing and are not reported unknown.</param>
    /// <param name="Duplicated">Subscribers who got the campaign more than once.</param>
    /// <param name="Unknown">Subscribers whose delivery the surviving host reports as OutcomeUnknown.</param>
    /// <param name="UnknownReceived">Of those, how many did get it (their send had reached the fake).</param>
    private sealed record CrashFigures(int Lost, int Duplicated, HashSet<string> Unknown, int UnknownReceived, int Records, List<string> NotSent, int ThroughMarketingMessages, int ThroughRecurringNotifications)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Records} delivery records; received through Marketing Messages {ThroughMarketingMessages}, through Recurring Notifications {ThroughRecurringNotifications}; lost {Lost}, duplicated {Duplicated}, unknown {Unknown.Count} (of which {UnknownReceived} did arrive)");
    }
}
