using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>What the exactly-once tests count, on any back end.</summary>
public static class CampaignChecks
{
    /// <summary>The fake Graph API got exactly one request for each of <paramref name="subscribers"/> tokens.</summary>
    public static void EachTokenOnce(FakeGraphApi graph, int subscribers)
    {
        var perToken = graph.Requests.GroupBy(r => r.Body["recipient"]!["notification_messages_token"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(subscribers, perToken.Count);
        Assert.All(perToken, p => Assert.Equal(1, p.Value));
    }

    public static async Task<List<DeliveryRecord>> AllDeliveriesAsync(BotHost host, string campaignId)
    {
        var store = host.Services.GetRequiredService<IDeliveryStore>();
        var all = new List<DeliveryRecord>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(campaignId, continuation, 100, CancellationToken.None);
            all.AddRange(page.Deliveries);
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return all;
    }

    /// <summary>Waits (at most a minute) for the host's background work to reach a point.</summary>
    public static Task WaitUntilAsync(Func<bool> condition) =>
        Polling.UntilAsync(() => Task.FromResult(condition()), reached => reached, TimeSpan.FromSeconds(60), _ => "timed out waiting");

    /// <summary>Opts <paramref name="count"/> Messenger customers in to weekly deals, three days ago by the host's clock.</summary>
    public static async Task SeedMessengerSubscribersAsync(BotHost host, int count)
    {
        var store = host.Services.GetRequiredService<ISubscriptionStore>();
        var at = host.Now().AddDays(-3);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            var subscription = Subscription.OptInOnMessenger(
                "weekly-deals", null, $"psid-{i:D5}", $"token-{i:D5}", "Europe/Berlin", null, null, "Current", SubscriptionOrigin.RequestedByUs, at);
            Assert.True(await store.TrySaveAsync(subscription, token));
        });
    }
}
