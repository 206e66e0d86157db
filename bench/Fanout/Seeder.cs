using System.Diagnostics;
using System.Globalization;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// Step one for each N, in a process of its own so that its memory is not the run's: N active
/// Messenger subscriptions to one topic, saved through the store's batch save.
/// </summary>
internal static class Seeder
{
    private const int Batch = 5_000;

    /// <summary>Subscribers of another topic, for the run's warm-up campaign.</summary>
    public const int WarmUpSubscribers = 10_000;

    public static async Task<int> RunAsync(ChildSettings settings)
    {
        await using var app = BenchBot.Build(settings);
        var store = app.Services.GetRequiredService<ISubscriptionStore>();
        var at = TimeProvider.System.GetUtcNow().AddDays(-30);
        var started = Stopwatch.GetTimestamp();
        // A German subscriber is served by Recurring Notifications, a US one by Marketing Messages (docs/marketing-messages.md, "Which product carries a message").
        var zone = settings.Product == DeliveryProduct.MarketingMessages ? "America/New_York" : "Europe/Berlin";
        await SeedAsync(store, BenchBot.WarmUpTopic, "warm", WarmUpSubscribers, at, zone);
        await SeedAsync(store, BenchBot.Topic, "token", settings.Subscribers, at, zone);
        ChildProcess.Report(new SeedResult(settings.Subscribers, Stopwatch.GetElapsedTime(started).TotalSeconds));
        return 0;
    }

    private static async Task SeedAsync(ISubscriptionStore store, string topic, string prefix, int count, DateTimeOffset at, string zone)
    {
        var batch = new List<Subscription>(Batch);
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString("D7", CultureInfo.InvariantCulture);
            batch.Add(Subscription.OptInOnMessenger(topic, null, $"{prefix}-psid-{id}", $"{prefix}-{id}", zone, null, null, "Current", SubscriptionOrigin.RequestedByUs, at));
            if (batch.Count == Batch || i == count - 1)
            {
                var conflicts = await store.TrySaveManyAsync(batch, CancellationToken.None);
                if (conflicts.Count > 0)
                {
                    throw new InvalidOperationException($"{conflicts.Count} subscriptions existed already.");
                }

                batch.Clear();
            }
        }
    }
}
