using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Products.Unsubscribes;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// Stops and erasures reach Meta's Unsubscribe API through the outbox (Bot/Messenger/MarketingMessages/Unsubscribes/),
/// over HTTP against the local stand-in the host serves in Development: a send refused with 2300034 (the person
/// used Meta's opt-out link) stops the subscription, which is never sent again, and unsubscribes the token; an
/// erased customer is unsubscribed by PSID; a stop whose unsubscribe found Meta unreachable is sent by the next
/// host on the same database.
/// </summary>
public sealed class MetaUnsubscribeEndToEndTests
{
    [Fact]
    public async Task A_send_refused_as_stopped_stops_the_subscription_for_good_and_unsubscribes_its_token_at_Meta()
    {
        await using var bot = await StartAsync(BotHost.FreePort());
        var graph = bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();
        var store = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        var at = bot.Clock.GetUtcNow().AddDays(-3);
        foreach (var i in new[] { 1, 2, 3 })
        {
            Assert.True(await store.TrySaveAsync(
                Subscription.OptInOnMessenger("weekly-deals", null, $"psid-{i}", $"us-{i}", "America/New_York", null, null, "Current", SubscriptionOrigin.RequestedByUs, at), CancellationToken.None));
        }

        graph.OptOutByLink("us-2");
        var admin = new AdminClient(bot.Host);
        await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals" }), TimeSpan.FromSeconds(60), bot.Clock, TimeSpan.FromSeconds(30));

        Assert.Equal(SubscriptionStatus.Stopped, (await store.FindByTokenAsync("us-2", CancellationToken.None))!.Status);
        await CampaignChecks.WaitUntilAsync(() => graph.Unsubscribed.Contains((MessengerBot.PageId, "subscriber_token", "us-2")));
        Assert.Equal(["us-1", "us-3"], graph.Accepted.Select(a => a.Token).Order());

        // The stopped subscriber is not in the next campaign's audience; a second look sends Meta nothing more.
        bot.Clock.Advance(TimeSpan.FromDays(8));
        await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "More deals" }), TimeSpan.FromSeconds(60), bot.Clock, TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(graph.Accepted, a => a.Token == "us-2");
        Assert.Single(graph.Unsubscribed, u => u.Value == "us-2");
    }

    [Fact]
    public async Task An_erased_customer_is_unsubscribed_at_Meta_by_PSID()
    {
        await using var bot = await StartAsync(BotHost.FreePort());
        var graph = bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();

        var (status, _) = await new AdminClient(bot.Host).SendAsync(HttpMethod.Delete, $"/api/admin/customers/messenger/{MessengerBot.Psid}");

        Assert.Equal(200, status);
        await CampaignChecks.WaitUntilAsync(() => graph.Unsubscribed.Contains((MessengerBot.PageId, "psid", MessengerBot.Psid)));
    }

    [Fact]
    public async Task A_stop_whose_unsubscribe_found_Meta_unreachable_is_sent_by_the_next_host_on_the_same_database()
    {
        using var database = new TempDatabase();
        var token = "8183222379117308817";
        await using (var first = await MessengerBot.StartAsync(settings: MarketingMessagesHost.Settings("http://127.0.0.1:9/graph"), databasePath: database.FilePath))
        {
            (await first.PostSampleAsync("optin-notification-messages.json")).EnsureSuccessStatusCode();
            (await first.PostSampleAsync("optin-stop.json")).EnsureSuccessStatusCode();
            Assert.Equal(SubscriptionStatus.Stopped, (await first.Host.Services.GetRequiredService<ISubscriptionStore>().FindByTokenAsync(token, CancellationToken.None))!.Status);
            var outbox = first.Host.Services.GetRequiredService<IMetaUnsubscribeOutbox>();
            await CampaignChecks.WaitUntilAsync(() =>
                outbox.ListDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None).GetAwaiter().GetResult() is [{ Attempts: >= 1, Value: var value }] && value == token);
        }

        var port = BotHost.FreePort();
        await using var second = await StartAsync(port, database.FilePath);
        var graph = second.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();
        var rows = second.Host.Services.GetRequiredService<IMetaUnsubscribeOutbox>();
        // Meta's answer is recorded after the call returns: wait for both, the stand-in's record and the row done.
        await Polling.UntilAsync(
            async () => graph.Unsubscribed.Contains((MessengerBot.PageId, "subscriber_token", token))
                && (await rows.ListDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None)).Count == 0,
            sent => sent,
            TimeSpan.FromSeconds(30),
            _ => "the unsubscribe left by the first host was not sent and recorded as done",
            () => second.Clock.Advance(TimeSpan.FromSeconds(10)));
        Assert.Single(graph.Unsubscribed, u => u.Value == token);
    }

    private static Task<MessengerBot> StartAsync(int port, string? databasePath = null) =>
        MarketingMessagesHost.StartWithStandInAsync(port, databasePath: databasePath);
}
