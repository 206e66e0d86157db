using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// "09:00 local" and quiet hours end to end (issue 18): Messenger subscribers in several time zones, the
/// real host on a fake clock that the test moves to each instant the campaign says it waits for, the
/// Send API the fake Graph API. Fixed dates around the 2027 DST changes, never today's.
/// </summary>
public sealed class CampaignTimingTests : EmulatorTest
{
    /// <summary>The shipped quiet hours (the test hosts turn them off: Support/BotHost.cs).</summary>
    private static readonly Dictionary<string, string?> QuietHours = AdminClient.Settings(new Dictionary<string, string?>
    {
        ["Delivery:QuietHours:Start"] = "21:00",
        ["Delivery:QuietHours:End"] = "08:00",
    });

    private static readonly (string Customer, string? Zone)[] Subscribers =
    [
        ("zurich", "Europe/Zurich"), ("new-york", "America/New_York"), ("tokyo", "Asia/Tokyo"), ("kolkata", "Asia/Kolkata"), ("no-zone", null),
    ];

    [Theory]
    // The day before Europe's spring change (the US changed on 14 March) and the day before its autumn change (the US changes on 7 November).
    [InlineData("2027-03-27T10:00:00Z", "2027-03-27T13:00:00Z", "2027-03-28T00:00:00Z", "2027-03-28T03:30:00Z", "2027-03-28T07:00:00Z", "2027-03-28T09:00:00Z")]
    [InlineData("2027-10-30T10:00:00Z", "2027-10-30T13:00:00Z", "2027-10-31T00:00:00Z", "2027-10-31T03:30:00Z", "2027-10-31T08:00:00Z", "2027-10-31T09:00:00Z")]
    public async Task Nine_local_reaches_each_subscriber_at_nine_on_their_own_clock_in_waves_and_the_preview_said_so(
        string createdAt, string newYork, string tokyo, string kolkata, string zurich, string noZone)
    {
        await using var bot = await MessengerBot.StartAsync(settings: QuietHours, clockAt: Instant(createdAt), databasePath: Database.FilePath);
        foreach (var (customer, zone) in Subscribers)
        {
            await SeedAsync(bot.Host, customer, zone, "weekly-deals");
        }

        var admin = new AdminClient(bot.Host);
        var request = new { topic = "weekly-deals", localTime = "09:00", defaultLanguage = "en", content = new Dictionary<string, object> { ["en"] = new { text = "Good morning" }, ["de"] = new { text = "Guten Morgen" } } };

        var (_, preview) = await admin.PreviewAsync(request);
        var id = await admin.CreateCampaignAsync(request);
        var campaign = await RunWavesAsync(bot, admin, id);

        var sentAt = (await CampaignChecks.AllDeliveriesAsync(bot.Host, id)).ToDictionary(r => r.CustomerId, r => (r.State, r.CompletedAt));
        Assert.Equal(
            new Dictionary<string, (DeliveryState, DateTimeOffset?)>
            {
                ["new-york"] = (DeliveryState.Sent, Instant(newYork)), ["tokyo"] = (DeliveryState.Sent, Instant(tokyo)), ["kolkata"] = (DeliveryState.Sent, Instant(kolkata)),
                ["zurich"] = (DeliveryState.Sent, Instant(zurich)), ["no-zone"] = (DeliveryState.Sent, Instant(noZone)),
            },
            sentAt);
        Assert.Equal(5, bot.Graph.Requests.Count);
        Assert.Equal((5, 0, 0, 0), (AdminClient.Progress(campaign, "sent"), AdminClient.Progress(campaign, "skipped"), AdminClient.Progress(campaign, "failed"), AdminClient.Progress(campaign, "waiting")));

        // The preview, on the same clock, said none now and all five later, the first in New York.
        var waiting = Assert.Single(preview["notEligibleByReason"]!.AsArray())!;
        Assert.Equal((5, 0, 5), (Long(preview, "audience"), Long(preview, "eligibleNow"), Long(preview, "notEligibleNow")));
        Assert.Equal(("WaitingForLocalTime", 5L, Instant(newYork)), (waiting["reason"]!.GetValue<string>(), Long(waiting, "count"), waiting["earliestNextEligibleAt"]!.GetValue<DateTimeOffset>()));
    }

    [Fact]
    public async Task A_campaign_at_half_past_ten_at_night_in_zurich_waits_for_eight_and_sends_once_also_across_a_restart()
    {
        var evening = Instant("2027-01-15T21:30:00Z");
        string id;
        await using (var before = await MessengerBot.StartAsync(settings: QuietHours, clockAt: evening, databasePath: Database.FilePath))
        {
            await SeedAsync(before.Host, "zurich", "Europe/Zurich", "weekly-deals");
            await SeedAsync(before.Host, "zurich", "Europe/Zurich", "order-updates");
            var admin = new AdminClient(before.Host);

            var (_, preview) = await admin.PreviewAsync(new { topic = "weekly-deals", text = "Deals" });
            id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals" });
            var waiting = await Polling.UntilAsync(
                () => admin.CampaignAsync(id), c => AdminClient.Progress(c, "waiting") == 1, TimeSpan.FromSeconds(30), c => $"not waiting: {c}");

            // Opting out is explicit and recorded: that campaign goes out now.
            var loud = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "order-updates", text = "Your parcel is at the door", ignoreQuietHours = true }));

            Assert.Equal(("WaitingForQuietHours", Instant("2027-01-16T07:00:00Z")), (preview["notEligibleByReason"]![0]!["reason"]!.GetValue<string>(), preview["earliestNextEligibleAt"]!.GetValue<DateTimeOffset>()));
            Assert.Equal(("Running", 0L, Instant("2027-01-16T07:00:00Z")), (waiting["status"]!.GetValue<string>(), AdminClient.Progress(waiting, "sent"), waiting["progress"]!["nextWaveAt"]!.GetValue<DateTimeOffset>()));
            Assert.Equal((1L, true), (AdminClient.Progress(loud, "sent"), loud["ignoresQuietHours"]!.GetValue<bool>()));
            Assert.Equal(["Your parcel is at the door"], before.Graph.Requests.Select(r => r.Body["message"]!["text"]!.GetValue<string>()));
        }

        // The host is down overnight; a new one on the same file starts a minute before the quiet hours end.
        await using var after = await MessengerBot.StartAsync(settings: QuietHours, clockAt: Instant("2027-01-16T06:59:00Z"), databasePath: Database.FilePath);
        var again = new AdminClient(after.Host);
        await MoveClockToAsync(after, Instant("2027-01-16T06:59:30Z"));
        Assert.Equal(0, AdminClient.Progress(await again.CampaignAsync(id), "sent"));
        Assert.Empty(after.Graph.Requests);

        await MoveClockToAsync(after, Instant("2027-01-16T07:00:00Z"));
        var done = await again.WaitUntilFinishedAsync(id);

        var record = Assert.Single(await CampaignChecks.AllDeliveriesAsync(after.Host, id));
        Assert.Equal((DeliveryState.Sent, Instant("2027-01-16T07:00:00Z")), (record.State, record.CompletedAt!.Value));
        Assert.Equal(["Deals"], after.Graph.Requests.Select(r => r.Body["message"]!["text"]!.GetValue<string>()));
        Assert.Equal((1, 0, 0), (AdminClient.Progress(done, "sent"), AdminClient.Progress(done, "skipped"), AdminClient.Progress(done, "waiting")));
    }

    [Fact]
    public async Task A_local_time_the_clocks_skip_on_that_day_is_refused_naming_the_field_and_nothing_is_created()
    {
        await using var bot = await MessengerBot.StartAsync(
            settings: AdminClient.Settings(new Dictionary<string, string?> { ["Delivery:FallbackTimeZone"] = "Europe/Zurich" }), clockAt: Instant("2027-03-20T10:00:00Z"), databasePath: Database.FilePath);
        var admin = new AdminClient(bot.Host);
        var request = new { topic = "weekly-deals", text = "Deals", localTime = "02:30", localDate = "2027-03-28" };

        var (created, body) = await admin.TryCreateCampaignAsync(request);
        var (previewed, previewBody) = await admin.PreviewAsync(request);
        var (_, list) = await admin.SendAsync(HttpMethod.Get, "/api/admin/campaigns");

        Assert.Equal((400, 400), (created, previewed));
        Assert.Contains("daylight saving", body["errors"]!["localTime"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(previewBody["errors"]!["localTime"]);
        Assert.Empty(list!["campaigns"]!.AsArray());
    }

    /// <summary>Moves the host's clock to each instant the campaign waits for, and waits for the wave there to go out, until it is done.</summary>
    private static async Task<JsonObject> RunWavesAsync(MessengerBot bot, AdminClient admin, string id)
    {
        DateTimeOffset? reached = null;
        for (var waves = 0; waves < 10; waves++)
        {
            var campaign = await Polling.UntilAsync(
                () => admin.CampaignAsync(id),
                c => c["status"]!.GetValue<string>() == "Completed"
                    || (c["resumeAt"]?.GetValue<DateTimeOffset>() is { } resume && resume != reached && c["leaseOwner"] is null),
                TimeSpan.FromSeconds(30),
                c => $"campaign {id} neither finished nor waits for a later wave: {c}");
            if (campaign["status"]!.GetValue<string>() == "Completed")
            {
                return campaign;
            }

            reached = campaign["resumeAt"]!.GetValue<DateTimeOffset>();
            await MoveClockToAsync(bot, reached.Value);
        }

        throw new Xunit.Sdk.XunitException($"campaign {id} took more than 10 waves");
    }

    /// <summary>
    /// Sets the host's clock to <paramref name="at"/> and wakes the delivery service, which may have
    /// begun its wait after the clock moved (then its timer is due only after <paramref name="at"/>).
    /// </summary>
    private static Task MoveClockToAsync(MessengerBot bot, DateTimeOffset at)
    {
        bot.Clock.Advance(at - bot.Clock.GetUtcNow());
        bot.Host.Services.GetRequiredService<DeliverySignal>().Wake();
        return Task.CompletedTask;
    }

    private static async Task SeedAsync(BotHost host, string customer, string? zone, string topic)
    {
        var subscription = Subscription.OptInOnMessenger(
            topic, null, customer, $"token-{customer}-{topic}", zone, null, null, "Current", SubscriptionOrigin.RequestedByUs, host.Now().AddDays(-3), "en");
        Assert.True(await host.Services.GetRequiredService<ISubscriptionStore>().TrySaveAsync(subscription, CancellationToken.None));
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static long Long(JsonNode node, string name) => node[name]!.GetValue<long>();
}
