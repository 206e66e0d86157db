using System.Diagnostics;
using System.Globalization;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// Marketing Messages sends take their slots of the Page's one send rate (Bot/Delivery/Rate/FleetSendRate.cs), the
/// same schedule as the Send API's: a two-product campaign keeps <c>Delivery:MessengerSendsPerSecond</c> counted over
/// both fakes together, and after Meta's send rate limit (2300078) answered to one Marketing Messages send nothing
/// of either product goes out for the wait Meta names, and everyone still gets the campaign once. (On one instance
/// the step waiting for the refused send's retry holds the rest as well; that the Page's schedule, which every
/// instance shares, is moved is Bot.Tests/Delivery/Rate/MarketingMessagesRateLimitTests.cs.) The real host on the real
/// clock (the rate is about real seconds), counted at the fakes from outside it (Stopwatch timestamps of arrival).
/// </summary>
public sealed class MarketingMessagesSendRateTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private FakeGraphApi _sendApi = null!;
    private StandInGraphServer _meta = null!;

    public async Task InitializeAsync()
    {
        _sendApi = await FakeGraphApi.StartAsync();
        _meta = await StandInGraphServer.StartAsync(new() { FailedShare = 0, WarmUp = TimeSpan.Zero }, MessengerBot.PageAccessToken);
    }

    public async Task DisposeAsync()
    {
        await _meta.DisposeAsync();
        await _sendApi.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_two_product_campaign_keeps_the_pages_send_rate_across_both_products()
    {
        const int perSecond = 50;
        var settings = await StartSettingsAsync(perSecond, us: 100, german: 60);
        await using var host = BotHost.Start(_database.FilePath, settings);

        var id = await new AdminClient(host).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals at the Page's pace" });
        var campaign = await new AdminClient(host).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60));

        var perToken = TwoProductSubscribers.PerToken(_sendApi, _meta);
        Assert.Equal((160, 160), (perToken.Count, perToken.Values.Sum()));
        Assert.Equal(160, AdminClient.Progress(campaign, "sent"));
        var (busiest, seconds) = PageSendRate.Check([.. _meta.Arrivals, .. _sendApi.Arrivals], perSecond);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"busiest one-second window: {busiest} sends (limit {perSecond}); 100 through Marketing Messages and 60 through Recurring Notifications in {seconds:F2} s"));
    }

    [Fact]
    public async Task Metas_send_rate_limit_on_a_Marketing_Messages_send_holds_back_both_products_for_the_wait_it_names()
    {
        var settings = await StartSettingsAsync(50, us: 90, german: 60);
        await using var host = BotHost.Start(_database.FilePath, settings);

        var id = await new AdminClient(host).CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals, slowly" });
        await CampaignChecks.WaitUntilAsync(() => _meta.Arrivals.Count >= 10);
        _meta.RefuseNextSend("""{"error":{"message":"(#2300078) Send rate limit reached","type":"OAuthException","code":100,"error_subcode":2300078,"error_data":{"remaining_seconds":2},"fbtrace_id":"local"}}""");
        await CampaignChecks.WaitUntilAsync(() => _meta.RefusedAt != 0);
        var told = _meta.RefusedAt;
        var campaign = await new AdminClient(host).WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60));

        // Everyone once: the refused send reached nobody and went again after the wait.
        var perToken = TwoProductSubscribers.PerToken(_sendApi, _meta);
        Assert.Equal((150, 150), (perToken.Count, perToken.Values.Sum()));
        Assert.Equal(150, AdminClient.Progress(campaign, "sent"));
        var second = Stopwatch.Frequency;
        var arrivals = _meta.Arrivals.Concat(_sendApi.Arrivals).Where(t => t != told).Order().ToList();
        var held = arrivals.Where(t => t > told + (second / 2) && t < told + (second * 19 / 10)).ToList();
        var after = arrivals.Where(t => t >= told + (second * 19 / 10)).ToList();
        output.WriteLine($"after 2300078 with remaining_seconds 2: {arrivals.Count(t => t > told && t <= told + (second / 2))} sends already on their way, {held.Count} in the hold, {after.Count} after it ({after.Count(t => _sendApi.Arrivals.Contains(t))} of them through Recurring Notifications)");
        Assert.Empty(held);
        Assert.Contains(after, t => _sendApi.Arrivals.Contains(t));
        Assert.Contains(after, t => _meta.Arrivals.Contains(t));
    }

    private async Task<Dictionary<string, string?>> StartSettingsAsync(int perSecond, int us, int german)
    {
        var settings = TwoProductSubscribers.Settings(_sendApi, _meta, _database.FilePath);
        settings["Delivery:MessengerSendsPerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture);
        settings["Delivery:PollInterval"] = "00:00:00.100";
        await TwoProductSubscribers.SeedAsync(settings, us, german);
        return settings;
    }
}
