using System.Globalization;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// Starts the fake (the Send API, or with --marketing-messages the Marketing Messages stand-in), measures the raw
/// POST rate to it, fans out to each N in fresh processes, checks the counts, and prints the table with the goals.
/// </summary>
internal static class Driver
{
    public static async Task<int> RunAsync(FanoutSettings settings)
    {
        await using IDeliveryTarget graph = settings.Product == DeliveryProduct.MarketingMessages
            ? await MarketingMessagesStandIn.StartAsync()
            : await SendApiTarget.StartAsync();
        var page = settings.PageSize?.ToString(CultureInfo.InvariantCulture) ?? "default";
        Console.WriteLine(settings.Product == DeliveryProduct.MarketingMessages
            ? "product: Marketing Messages (US subscribers, POST act_<id>/messages to the local stand-in, warm-up passed at once, no delivery webhooks)"
            : "product: Send API (German subscribers, Recurring Notifications tokens, POST /<page>/messages to a fake)");
        Console.WriteLine($"bench/fanout: N = {string.Join(", ", settings.Subscribers.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))}; {settings.Parallel} sends in flight, page size {page}; " +
            $"Delivery:MessengerSendsPerSecond=0 (unlimited; production default 250/s); {Environment.ProcessorCount} cores shared by the fake Graph API (this process) and each step's child process");

        var raws = new List<RawResult> { await RawAsync(graph, settings) };
        var rows = new List<RunResult>();
        var problems = new List<string>();
        foreach (var n in settings.Subscribers)
        {
            var database = Path.Combine(Path.GetTempPath(), $"bench-fanout-{Environment.ProcessId}-{n}.db");
            try
            {
                await graph.ResetAsync();
                var child = new ChildSettings(graph.BaseUrl, database, n, settings.Parallel, settings.PageSize, settings.RawSeconds, settings.Product);
                var seeded = await ChildProcess.RunAsync<SeedResult>("seed", child, settings.Verbose);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {seeded.Seeded:N0} subscriptions in {seeded.Seconds:F1} s (not measured)"));
                var run = await ChildProcess.RunAsync<RunResult>("run", child, settings.Verbose);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  N={n:N0}: {run.Sent:N0} sent in {run.Seconds:F1} s = {run.PerSecond:F0}/s, runner CPU {run.CpuMicroseconds:F0} µs per delivery, peak RSS {run.ResidentPeakMegabytes:F0} MB ({run.Outcomes})"));
                problems.AddRange(Check(run, graph));
                rows.Add(run);
            }
            finally
            {
                foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
                {
                    File.Delete(file);
                }
            }
        }

        raws.Add(await RawAsync(graph, settings));
        Print(raws, rows);
        foreach (var problem in problems)
        {
            Console.WriteLine($"  FAIL  {problem}");
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static async Task<RawResult> RawAsync(IDeliveryTarget graph, FanoutSettings settings)
    {
        await graph.ResetAsync();
        var raw = await ChildProcess.RunAsync<RawResult>("raw", new ChildSettings(graph.BaseUrl, string.Empty, 0, settings.Parallel, settings.PageSize, settings.RawSeconds, settings.Product, graph.RawCampaignId), settings.Verbose);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw POSTs, one HttpClient, {raw.Concurrency} concurrent: {raw.PerSecond:F0}/s ({raw.Posts:N0} in {raw.Seconds:F1} s, {raw.Failures} failed), client CPU {raw.CpuMicroseconds:F0} µs per POST"));
        return raw;
    }

    /// <summary>Exactly once, counted at the fake: N requests, N distinct tokens, none twice; and the campaign's own counts agree.</summary>
    private static IEnumerable<string> Check(RunResult run, IDeliveryTarget graph)
    {
        var n = run.Subscribers;
        if (run.Status != "Completed" || run.Sent != n || run.Skipped != 0 || run.Failed != 0)
        {
            yield return $"N={n}: campaign {run.Status} with sent {run.Sent}, skipped {run.Skipped}, failed {run.Failed}";
        }

        // The warm-up campaign's tokens (warm-...) are counted apart: it must have reached its own subscribers once each too.
        var measured = graph.PerToken.Where(p => p.Key.StartsWith("token-", StringComparison.Ordinal)).ToList();
        var warm = graph.PerToken.Where(p => p.Key.StartsWith("warm-", StringComparison.Ordinal)).ToList();
        var twice = measured.Count(p => p.Value != 1) + warm.Count(p => p.Value != 1);
        if (measured.Sum(p => p.Value) != n || measured.Count != n || warm.Count != Seeder.WarmUpSubscribers || twice > 0 || graph.Requests != n + warm.Count)
        {
            yield return $"N={n}: the fake received {graph.Requests} requests: {measured.Count} campaign tokens, {warm.Count} warm-up tokens, {twice} not exactly once";
        }

        // One Meta campaign per campaign of ours (the warm-up's and the measured one's) beside the raw baseline's own.
        if (graph is MarketingMessagesStandIn standIn && standIn.Campaigns != 3)
        {
            yield return $"N={n}: the stand-in holds {standIn.Campaigns} Meta campaigns, not 3 (the raw baseline's, the warm-up's and the measured campaign's)";
        }
    }

    private static void Print(List<RawResult> raws, List<RunResult> rows)
    {
        var c = CultureInfo.InvariantCulture;
        var raw = raws.Average(r => r.PerSecond);
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{"N",10} {"deliveries/s",13} {"% of raw",9} {"peak RSS MB",12} {"GC heap peak MB",16} {"run s",8} {"CPU µs/send",12}"));
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(c, $"{r.Subscribers,10:N0} {r.PerSecond,13:F0} {100 * r.PerSecond / raw,8:F1}% {r.ResidentPeakMegabytes,12:F0} {r.HeapPeakMegabytes,16:F0} {r.Seconds,8:F1} {r.CpuMicroseconds,12:F0}"));
        }

        Console.WriteLine(string.Create(c, $"raw POST rate (mean of before and after): {raw:F0}/s ({string.Join(", ", raws.Select(r => r.PerSecond.ToString("F0", c)))}); client CPU {raws.Average(r => r.CpuMicroseconds):F0} µs per POST"));
        Console.WriteLine("peak RSS: the run process's VmHWM (host start-up included, seeding excluded); GC heap peak: managed heap sampled every 20 ms;\nCPU µs/send: the run process's CPU time (all threads) over deliveries, the figure least moved by other load on the machine");
        Console.WriteLine();
        foreach (var r in rows)
        {
            var share = r.PerSecond / raw;
            Goal(string.Create(c, $"N={r.Subscribers:N0} deliveries/s vs raw POSTs: {100 * share:F1}%"), share >= 0.40, ">= 40%");
        }

        var small = rows.FirstOrDefault(r => r.Subscribers == 10_000) ?? rows.MinBy(r => r.Subscribers);
        var large = rows.FirstOrDefault(r => r.Subscribers == 100_000) ?? rows.MaxBy(r => r.Subscribers);
        if (small is not null && large is not null && small != large)
        {
            var ratio = large.ResidentPeakMegabytes / small.ResidentPeakMegabytes;
            Goal(string.Create(c, $"peak memory N={large.Subscribers:N0} vs N={small.Subscribers:N0}: {ratio:F2}x"), ratio <= 1.5, "<= 1.5x");
        }
    }

    private static void Goal(string figure, bool met, string goal) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(met ? "met " : "MISS")}  {figure,-52} goal {goal}"));
}
