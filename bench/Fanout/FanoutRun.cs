using System.Diagnostics;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// Step two for each N, in a fresh process: the real host started (Delivery:Enabled=false), one
/// campaign created through the <see cref="CampaignService"/> the admin API uses, and worked to the
/// end by the real <see cref="CampaignRunner"/> on the SQLite stores and the Messenger sender, as the
/// background worker would call it. A warm-up campaign to 10,000 subscribers of another topic runs first (the raw
/// baseline warms up for 3 s), so the figure is the steady state, not the JIT's first pass.
/// Only the measured campaign's runner calls are timed.
/// </summary>
internal static class FanoutRun
{
    public static async Task<int> RunAsync(ChildSettings settings)
    {
        using var memory = new PeakMemory();
        await using var app = BenchBot.Build(settings);
        await app.StartAsync();
        var services = app.Services;
        var options = services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        var runner = services.GetRequiredService<CampaignRunner>();
        var warmUp = await CreateAsync(services, BenchBot.WarmUpTopic);
        var warmUpOutcome = await runner.RunAsync(warmUp.Id, "bench", CancellationToken.None);
        if (warmUpOutcome != CampaignRunOutcome.Completed)
        {
            throw new InvalidOperationException($"The warm-up campaign ended {warmUpOutcome}.");
        }

        var campaign = await CreateAsync(services, BenchBot.Topic);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var outcomes = new List<CampaignRunOutcome>();
        CampaignRunOutcome outcome;
        do
        {
            // One call works the whole campaign unless something puts it off; more than one is reported.
            outcome = await runner.RunAsync(campaign.Id, "bench", CancellationToken.None);
            outcomes.Add(outcome);
        }
        while (outcome is CampaignRunOutcome.Interrupted && outcomes.Count < 5);

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var finished = await services.GetRequiredService<ICampaignStore>().FindAsync(campaign.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The campaign disappeared.");
        var result = new RunResult(
            settings.Subscribers,
            finished.Status.ToString(),
            string.Join(",", outcomes),
            finished.Counts.Sent,
            finished.Counts.Skipped,
            finished.Counts.Failed,
            seconds,
            cpuSeconds,
            PeakMemory.ResidentPeakMegabytes(),
            memory.HeapPeakMegabytes,
            options.PageSize,
            options.MaxParallelSends);
        await app.StopAsync();
        ChildProcess.Report(result);
        return 0;
    }

    private static async Task<Campaign> CreateAsync(IServiceProvider services, string topic)
    {
        var creation = await services.GetRequiredService<CampaignService>().CreateAsync(
            topic,
            new CampaignContent("This week's deals: 20% off all tents and sleeping bags until Sunday.", null, [new CampaignButton("Show me", "DEALS_SHOW"), new CampaignButton("Not now", "DEALS_LATER")]),
            null,
            null,
            CancellationToken.None);
        return creation.Campaign ?? throw new InvalidOperationException(string.Join("; ", creation.Errors));
    }
}
