using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>What the exactly-once tests count, on any back end.</summary>
public static class CampaignChecks
{
    /// <summary>The fake Graph API got exactly one request for each of <paramref name="subscribers"/> tokens.</summary>
    public static void EachTokenOnce(FakeGraphApi graph, int subscribers) => EachTokenOnce(graph.Requests, subscribers);

    /// <summary>Exactly one request for each of <paramref name="subscribers"/> tokens, across every Graph API that received any.</summary>
    public static void EachTokenOnce(IEnumerable<GraphRequest> requests, int subscribers)
    {
        var perToken = requests.GroupBy(r => r.Body["recipient"]!["notification_messages_token"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(subscribers, perToken.Count);
        Assert.All(perToken, p => Assert.Equal(1, p.Value));
    }

    /// <summary>The customers (psid-N) that requests to seeded tokens (token-N) were for.</summary>
    public static HashSet<string> CustomersOf(IEnumerable<GraphRequest> requests) =>
        [.. requests.Select(r => r.Body["recipient"]!["notification_messages_token"]!.GetValue<string>().Replace("token-", "psid-", StringComparison.Ordinal))];

    /// <summary>
    /// After a host died mid-campaign: the only deliveries not sent are <c>OutcomeUnknown</c>, at least
    /// one and at most <paramref name="parallelSends"/> (the step the host was in: its sends in flight,
    /// and those of the step answered but not yet recorded), and every send still in flight when it died
    /// (<paramref name="inFlight"/>) is among them, never resent.
    /// </summary>
    public static HashSet<string> OnlyTheStepInFlightIsUnknown(IReadOnlyList<DeliveryRecord> records, IReadOnlySet<string> inFlight, int parallelSends)
    {
        var unknown = records.Where(r => r.Reason == DeliveryReasons.OutcomeUnknown).Select(r => r.CustomerId).ToHashSet();
        Assert.InRange(unknown.Count, 1, parallelSends);
        Assert.Subset(unknown, inFlight.ToHashSet());
        Assert.Equal("", string.Join("\n", records.Where(r => r.State != DeliveryState.Sent && !unknown.Contains(r.CustomerId)).Select(r => $"{r.SubscriptionId} {r.State} {r.Reason} {r.Detail}")));
        return unknown;
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
