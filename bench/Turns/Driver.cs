using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace ConversationBot.Bench.Turns;

/// <summary>Starts each target in turn, drives it, and prints one table with the goals as ratios of the same run.</summary>
internal static class Driver
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        await using var channel = await ReplyChannel.StartAsync();
        var duration = TimeSpan.FromSeconds(settings.Seconds);
        var warmup = TimeSpan.FromSeconds(settings.WarmupSeconds);
        Console.WriteLine($"bench/turns: {settings.Concurrency} concurrent conversations, {settings.Seconds} s per target after {settings.WarmupSeconds} s warm-up, {Environment.ProcessorCount} cores");

        var rows = new Dictionary<string, LoadResult>();
        if (settings.Targets.Contains("ceiling"))
        {
            rows["ceiling"] = await MeasureTurnsAsync("ceiling", "bare Kestrel endpoint, parses the activity", settings, channel, warmup, duration);
        }

        if (settings.Targets.Contains("stock"))
        {
            rows["stock"] = await MeasureTurnsAsync("stock", "stock CloudAdapter echo bot, one reply", settings, channel, warmup, duration);
        }

        if (settings.Targets.Contains("ours"))
        {
            rows["ours"] = await MeasureTurnsAsync("ours", "our bot: main dialog turn, SQLite state, one reply", settings, channel, warmup, duration);
        }

        if (settings.Targets.Contains("proactive"))
        {
            rows["proactive"] = await MeasureProactiveAsync(settings, channel);
        }

        var batches = new List<BatchResult>();
        if (settings.Targets.Contains("webhook"))
        {
            rows["webhook"] = await MeasureWebhookAsync(settings, channel, warmup, duration);
            batches.Add(await MeasureBatchAsync(settings, channel, events: 20, posts: 5));
            batches.Add(await MeasureBatchAsync(settings, channel, events: 1_000, posts: 1));
        }

        Print(rows, batches);
        return rows.Values.Any(r => r.Failures > 0) ? 1 : 0;
    }

    /// <summary>
    /// Signed webhook POSTs, one message event each, from <see cref="BenchSettings.Senders"/> customers at once, each
    /// waiting for its reply before writing again (the webhook answers before the turn runs); the Send API answers at once.
    /// </summary>
    private static async Task<LoadResult> MeasureWebhookAsync(BenchSettings settings, ReplyChannel channel, TimeSpan warmup, TimeSpan duration)
    {
        await using var server = await ServerProcess.StartAsync("webhook", settings, channel.Url);
        var (requests, failures, latencies, seconds, cpu) = await LoadGenerator.RunAsync(
            new Uri(server.Address, "/api/messenger"),
            settings.Senders,
            warmup,
            duration,
            (worker, n) => WebhookLoad.Post([worker], "load", n, "hi"),
            server.CpuTime,
            worker =>
            {
                var psid = WebhookLoad.Psid(worker);
                var seen = channel.MessagesTo(psid);
                return () => channel.WaitForMessageAsync(psid, seen);
            });
        var (p50, p99) = LoadResult.Percentiles(latencies);
        return new LoadResult($"our bot: Messenger webhook, {settings.Senders} senders, event to reply", requests, failures, seconds, p50, p99, server.PeakMegabytes(), cpu);
    }

    /// <summary>
    /// POSTs of <paramref name="events"/> events from as many customers with a Send API that takes 150 ms a call: how long
    /// Meta waits for the 200, how long until every customer has their reply, and what running the turns one after another would take.
    /// </summary>
    private static async Task<BatchResult> MeasureBatchAsync(BenchSettings settings, ReplyChannel channel, int events, int posts)
    {
        var delay = TimeSpan.FromMilliseconds(150);
        await using var server = await ServerProcess.StartAsync("webhook", settings, channel.Url);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        channel.GraphDelay = delay;
        var acknowledged = new List<double>();
        var answered = new List<double>();
        var sendsBefore = channel.Received;
        for (var post = 0; post <= posts; post++)
        {
            var senders = Enumerable.Range(10_000 + (post * events), events).ToList();
            var replies = senders.Select(s => channel.WaitForMessageAsync(WebhookLoad.Psid(s), channel.MessagesTo(WebhookLoad.Psid(s)))).ToList();
            var (body, header) = WebhookLoad.Post(senders, $"batch{events}", post, "hi");
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.TryAddWithoutValidation(header!.Value.Key, header.Value.Value);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/api/messenger", content);
            response.EnsureSuccessStatusCode();
            var acknowledgedAfter = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await Task.WhenAll(replies).WaitAsync(TimeSpan.FromMinutes(5));
            if (post > 0)
            {
                // The first POST warms the host up and is not counted.
                acknowledged.Add(acknowledgedAfter);
                answered.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }

        channel.GraphDelay = TimeSpan.Zero;
        var sendsPerEvent = (double)(channel.Received - sendsBefore) / ((posts + 1) * events);
        return new BatchResult(events, acknowledged.Max(), answered.Max(), events * sendsPerEvent * delay.TotalSeconds);
    }

    private sealed record BatchResult(int Events, double AcknowledgedSeconds, double AllAnsweredSeconds, double OneAfterAnotherSeconds);

    private static async Task<LoadResult> MeasureTurnsAsync(string target, string label, BenchSettings settings, ReplyChannel channel, TimeSpan warmup, TimeSpan duration)
    {
        await using var server = await ServerProcess.StartAsync(target, settings, channel.Url);
        var (requests, failures, latencies, seconds, cpu) = await LoadGenerator.RunAsync(new Uri(server.Address, "/api/messages"), channel.Url, settings.Concurrency, warmup, duration, "hi", server.CpuTime);
        var (p50, p99) = LoadResult.Percentiles(latencies);
        return new LoadResult(label, requests, failures, seconds, p50, p99, server.PeakMegabytes(), cpu);
    }

    private static async Task<LoadResult> MeasureProactiveAsync(BenchSettings settings, ReplyChannel channel)
    {
        await using var server = await ServerProcess.StartAsync("ours", settings, channel.Url);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
        var query = $"/bench/proactive?seconds={settings.WarmupSeconds}&concurrency={settings.Concurrency}";
        (await client.PostAsync(query, null)).EnsureSuccessStatusCode();
        query = $"/bench/proactive?seconds={settings.Seconds}&concurrency={settings.Concurrency}";
        var cpuBefore = server.CpuTime();
        var result = await (await client.PostAsync(query, null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ProactiveResult>()
            ?? throw new InvalidOperationException("No proactive result.");
        return new LoadResult("our bot: proactive send (ContinueConversationAsync)", result.Sent, result.Failed, result.Seconds, result.P50Milliseconds, result.P99Milliseconds, server.PeakMegabytes(), server.CpuTime() - cpuBefore);
    }

    private static void Print(Dictionary<string, LoadResult> rows, List<BatchResult> batches)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{"target",-52} {"per s",9} {"p50 ms",8} {"p99 ms",8} {"peak MB",8} {"failed",7} {"cpu ms/turn",12}"));
        foreach (var r in rows.Values)
        {
            Console.WriteLine(string.Create(c, $"{r.Target,-52} {r.PerSecond,9:F0} {r.P50Milliseconds,8:F2} {r.P99Milliseconds,8:F2} {r.PeakMegabytes,8:F0} {r.Failures,7} {r.CpuMillisecondsPerTurn,12:F3}"));
        }

        Console.WriteLine();
        if (rows.TryGetValue("ours", out var ours))
        {
            if (rows.TryGetValue("stock", out var stock))
            {
                Goal($"our turn vs stock echo: {ours.PerSecond / stock.PerSecond:F1}x", ours.PerSecond >= 10 * stock.PerSecond, ">= 10x");
            }

            if (rows.TryGetValue("ceiling", out var ceiling))
            {
                Goal($"our turn vs bare ceiling: {100 * ours.PerSecond / ceiling.PerSecond:F1}%", ours.PerSecond >= 0.05 * ceiling.PerSecond, ">= 5%");
                // CPU per turn moves least with other load on the machine: the same ratio by what each turn costs.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        by CPU per turn: {ours.CpuMillisecondsPerTurn:F3} ms against {ceiling.CpuMillisecondsPerTurn:F3} ms = {100 * ceiling.CpuMillisecondsPerTurn / ours.CpuMillisecondsPerTurn:F1}%"));
            }

            Goal($"our turn p99: {ours.P99Milliseconds:F1} ms", ours.P99Milliseconds < 50, "< 50 ms");
        }

        if (rows.TryGetValue("proactive", out var proactive))
        {
            Goal($"proactive sends: {proactive.PerSecond:F0}/s", proactive.PerSecond >= 2000, ">= 2000/s");
            if (rows.TryGetValue("ceiling", out var raw))
            {
                // The ceiling is the raw POST rate of this run: a bare endpoint that parses the activity and answers.
                Goal($"proactive sends vs raw POSTs: {100 * proactive.PerSecond / raw.PerSecond:F1}%", proactive.PerSecond >= 0.4 * raw.PerSecond, ">= 40%");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        by CPU: {proactive.CpuMillisecondsPerTurn:F3} ms per send against {raw.CpuMillisecondsPerTurn:F3} ms per raw POST = {100 * raw.CpuMillisecondsPerTurn / proactive.CpuMillisecondsPerTurn:F1}%"));
            }
        }

        if (rows.TryGetValue("webhook", out var webhook))
        {
            Goal($"webhook events: {webhook.PerSecond:F0}/s", webhook.PerSecond >= 200, ">= 200/s");
            Goal($"webhook event to reply p99: {webhook.P99Milliseconds:F1} ms", webhook.P99Milliseconds < 250, "< 250 ms");
            if (rows.TryGetValue("ours", out var chat))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        webhook event vs /api/messages turn: {webhook.PerSecond / chat.PerSecond:F2}x the rate, {webhook.CpuMillisecondsPerTurn / chat.CpuMillisecondsPerTurn:F2}x the CPU"));
            }
        }

        foreach (var batch in batches)
        {
            // Meta wants the 200 within 5 s; our goal for any batch is 1 s, the turns running behind it.
            Goal(
                $"POST of {batch.Events} events, Send API 150 ms: 200 after {batch.AcknowledgedSeconds:F2} s",
                batch.AcknowledgedSeconds < 1.0,
                "< 1.0 s");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"        every customer answered after {batch.AllAnsweredSeconds:F2} s; one turn after another would take {batch.OneAfterAnotherSeconds:F1} s ({batch.OneAfterAnotherSeconds / batch.AllAnsweredSeconds:F0}x)"));
        }
    }

    private static void Goal(string figure, bool met, string goal) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(met ? "met " : "MISS")}  {figure,-40} goal {goal}"));
}
