using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bench.ConsolePages;

/// <summary>
/// The bench's data, written through the stores' own batch operations: subscribers of three topics
/// (60% weekly deals, 30% the newsletter, 10% order updates), 20 campaigns, and for the first a delivery
/// record per weekly-deals subscriber (one in ten failed).
/// </summary>
internal static class Seed
{
    private const int Batch = 500;

    public static int Deliveries(int subscribers) => subscribers * 6 / 10;

    public static async Task<string> RunAsync(IServiceProvider services, int count)
    {
        var store = services.GetRequiredService<ISubscriptionStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var weekly = new List<Subscription>();
        for (var start = 0; start < count; start += Batch)
        {
            var batch = Enumerable.Range(start, Math.Min(Batch, count - start)).Select(i => Subscription.OptInWithConversationReference(
                TopicOf(i, count), null, "webchat", $"customer-{i}", $"{{\"conversation\":{{\"id\":\"c-{i}\"}}}}", "Europe/Zurich", null, "Current", now)).ToList();
            await store.TrySaveManyAsync(batch, CancellationToken.None);
            weekly.AddRange(batch.Where(s => s.TopicId == "weekly-deals"));
        }

        var campaigns = services.GetRequiredService<CampaignService>();
        string? first = null;
        for (var i = 0; i < 20; i++)
        {
            var created = await campaigns.CreateAsync("weekly-deals", new CampaignContent($"Bench campaign {i}", null, []), now.AddDays(30), null, CancellationToken.None);
            first ??= created.Campaign!.Id;
        }

        var deliveries = services.GetRequiredService<IDeliveryStore>();
        for (var start = 0; start < weekly.Count; start += Batch)
        {
            var claims = weekly.Skip(start).Take(Batch).Select(s => DeliveryRecord.Claim(first!, s.Id, s.ChannelId, s.CustomerId, "bench", now)).ToList();
            await deliveries.RecordOutcomesAsync([.. claims.Select((c, i) => (start + i) % 10 == 0 ? c.Failed("transport", "bench", now, 1) : c.Sent(now, 1))], CancellationToken.None);
        }

        return first!;
    }

    private static string TopicOf(int i, int count) => i < count * 6 / 10 ? "weekly-deals" : i < count * 9 / 10 ? "monthly-newsletter" : "order-updates";
}
