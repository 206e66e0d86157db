using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// The baseline, in a process of its own like the run: plain POSTs of a campaign-sized Send API
/// body from one HttpClient (default handler, as IHttpClientFactory's) to the fake, from as many
/// concurrent workers as the runner has sends in flight, for a fixed time after a warm-up.
/// </summary>
internal static class RawPostRate
{
    private const int DistinctTokens = 1024;

    public static async Task<int> RunAsync(ChildSettings settings)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var url = new Uri($"{settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/1234567890/messages?access_token=bench-page-access-token");
        var bodies = Enumerable.Range(0, DistinctTokens).Select(Body).ToArray();

        await PostForAsync(client, url, bodies, settings.Parallel, TimeSpan.FromSeconds(3));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var (posts, failures) = await PostForAsync(client, url, bodies, settings.Parallel, TimeSpan.FromSeconds(settings.Seconds));
        ChildProcess.Report(new RawResult(posts, failures, Stopwatch.GetElapsedTime(started).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, settings.Parallel));
        return 0;
    }

    private static async Task<(long Posts, long Failures)> PostForAsync(HttpClient client, Uri url, byte[][] bodies, int concurrency, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long posts = 0, failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; Stopwatch.GetTimestamp() < deadline; i += concurrency)
            {
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await client.PostAsync(url, content);
                await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref posts : ref failures);
            }
        }));
        return (posts, failures);
    }

    /// <summary>The same message the run sends, to a token of its own.</summary>
    private static byte[] Body(int token) => Encoding.UTF8.GetBytes($$$"""
        {"recipient":{"notification_messages_token":"raw-{{{token}}}"},"message":{"text":"This week's deals: 20% off all tents and sleeping bags until Sunday.","quick_replies":[{"content_type":"text","title":"Show me","payload":"DEALS_SHOW"},{"content_type":"text","title":"Not now","payload":"DEALS_LATER"}]}}
        """);
}
