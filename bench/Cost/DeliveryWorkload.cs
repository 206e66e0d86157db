using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConversationBot.Bench.Fanout;
using ConversationBot.Bot.Desk;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bench.Cost;

/// <summary>
/// The delivery service's costs: idle (the host's timers with nothing to do, on the fake clock, scaled
/// to an hour) and a campaign to Messenger subscribers run through the admin API, from its creation
/// to the last record, divided by the messages the fake Send API received.
/// </summary>
internal static class DeliveryWorkload
{
    public const string Topic = "weekly-deals";

    /// <summary>Fake time the idle cost is measured over: several passes of every timer.</summary>
    private static readonly TimeSpan IdleSpan = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The host's timers with nothing to do, over <see cref="IdleSpan"/> of fake time in steps of the
    /// poll interval (each step waits for the pass to finish): the delivery poller and, with Messenger
    /// configured, the inbox sweep once a turn lease, and the look for unanswered hand-offs. Scaled to an hour.
    /// </summary>
    public static async Task<UnitCost> IdleAsync(CostHost host, CancellationToken cancellationToken)
    {
        var idle = new UnitCost($"idle, per hour (delivery poller every {host.PollInterval.TotalSeconds:0} s, Messenger inbox sweep every {host.TurnLease.TotalSeconds:0} s, open hand-offs every {UnansweredHandoffNotices.Interval.TotalSeconds:0} s)");
        await host.WaitForQuietAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
        var start = host.Meter.Count;
        var steps = (int)Math.Ceiling(IdleSpan / host.PollInterval);
        for (var i = 0; i < steps; i++)
        {
            // The step's pass must have run and gone back to sleep before the clock moves again: a
            // timer armed after the move would wait a whole interval more, and a pass would be lost.
            var before = host.Meter.Count;
            host.Clock.Advance(host.PollInterval);
            var waited = Stopwatch.StartNew();
            while (!host.Meter.Since(before).Any(o => o.Container == CosmosContainers.Campaigns.Name) && waited.Elapsed < TimeSpan.FromSeconds(3))
            {
                await Task.Delay(20, cancellationToken);
            }

            await host.WaitForQuietAsync(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        idle.Add(host.Meter.Since(start), steps * host.PollInterval / TimeSpan.FromHours(1));
        return idle;
    }

    /// <summary>Opts <paramref name="count"/> Messenger customers in to <see cref="Topic"/> three days ago, as Bot.Tests/EndToEnd/Support/CampaignChecks.cs does (not measured).</summary>
    public static async Task SeedAsync(CostHost host, int count, CancellationToken cancellationToken)
    {
        var store = host.Services.GetRequiredService<ISubscriptionStore>();
        var at = host.Clock.GetUtcNow().AddDays(-3);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var subscription = Subscription.OptInOnMessenger(Topic, null, $"psid-{i:D6}", $"token-{i:D6}", "Europe/Berlin", null, null, "Current", SubscriptionOrigin.RequestedByUs, at);
            if (!await store.TrySaveAsync(subscription, token))
            {
                throw new InvalidOperationException($"Seeding subscription {i} conflicted.");
            }
        });
    }

    public static async Task<UnitCost> CampaignAsync(CostHost host, FakeGraphApi graph, int subscribers, bool verbose, CancellationToken cancellationToken)
    {
        var delivery = new UnitCost("campaign message delivered (Messenger)");
        await host.WaitForQuietAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
        graph.Reset();
        var start = host.Meter.Count;
        using var created = await host.Admin.PostAsJsonAsync("/api/admin/campaigns", new { topic = Topic, text = "This week's deals" }, cancellationToken);
        var body = await created.Content.ReadAsStringAsync(cancellationToken);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating the campaign: {(int)created.StatusCode} {body}");
        }

        // Real time for the sends to happen (the host's clock is a fake one), a stopwatch's, not the calendar's.
        var limit = TimeSpan.FromMinutes(2) + (subscribers * TimeSpan.FromMilliseconds(20));
        var sending = Stopwatch.StartNew();
        while (graph.Requests < subscribers && sending.Elapsed < limit)
        {
            await Task.Delay(100, cancellationToken);
        }

        // The last page's records and the campaign's completion come after the last send.
        await host.WaitForQuietAsync(TimeSpan.FromMilliseconds(400), cancellationToken);
        var operations = host.Meter.Since(start);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        var campaign = await host.Admin.GetFromJsonAsync<JsonObject>($"/api/admin/campaigns/{Uri.EscapeDataString(id)}", cancellationToken);
        var sent = campaign!["progress"]!["sent"]!.GetValue<long>();
        if (sent != subscribers || graph.Requests != subscribers || graph.PerToken.Any(t => t.Value != 1))
        {
            throw new InvalidOperationException($"The campaign did not reach each of {subscribers} subscribers once: {sent} sent, {graph.Requests} requests at the Send API, status {campaign["status"]}.");
        }

        delivery.Add(operations, sent);
        if (verbose)
        {
            Console.WriteLine($"  the campaign's first operations:{string.Concat(operations.Take(40).Select(o => $"\n    {o}"))}");
        }

        return delivery;
    }
}
