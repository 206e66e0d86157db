using System.Diagnostics;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// Step two for each N, in a fresh process: the real host started (Delivery:Enabled=false), one
/// campaign created through the <see cref="CampaignService"/> the admin API uses, and worked to the
/// end by the real <see cref="CampaignRunner"/> on the SQLite stores and the Messenger sender, as the
/// background worker would call it. Only the runner's calls are timed.
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
        var creation = await services.GetRequiredService<CampaignService>().CreateAsync(
            BenchBot.Topic,
            new CampaignContent("This week's deals: 20% off all tents and sleeping bags until Sunday.", null, [new CampaignButton("Show me", "DEALS_SHOW"), new CampaignButton("Not now", "DEALS_LATER")]),
            null,
            null,
            CancellationToken.None);
        var campaign = creation.Campaign ?? throw new InvalidOperationException(string.Join("; ", creation.Errors));

        var runner = services.GetRequiredService<CampaignRunner>();
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
}

internal sealed record RunResult(
    int Subscribers, string Status, string Outcomes, long Sent, long Skipped, long Failed, double Seconds, double CpuSeconds,
    double ResidentPeakMegabytes, double HeapPeakMegabytes, int PageSize, int MaxParallelSends)
{
    public double PerSecond => Sent / Seconds;

    /// <summary>This process's CPU time per delivery: less noisy than the rate on a shared machine.</summary>
    public double CpuMicroseconds => CpuSeconds * 1e6 / Math.Max(1, Sent);
}
