using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Delivery;
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

    /// <summary>Waits (real time, at most a minute) for the host's background work to reach a point.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(5);
        }
    }
}
