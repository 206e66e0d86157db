using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace ConversationBot.Bench.Turns;

/// <summary>
/// N concurrent conversations, each posting its next message as soon as the previous turn
/// answered, for a fixed time. A conversation per worker: the bot's per-conversation state is
/// read and written on every turn, as with real customers.
/// </summary>
internal static class LoadGenerator
{
    /// <summary>Numbers every request of the run, warm-up included: a Messenger message id repeated would be skipped as a redelivery.</summary>
    private static long _sequence;

    public static Task<(long Requests, long Failures, List<double> Latencies, double Seconds, TimeSpan ServerCpu)> RunAsync(
        Uri endpoint, string channelUrl, int concurrency, TimeSpan warmup, TimeSpan duration, string text, Func<TimeSpan> serverCpu)
    {
        var bodies = Enumerable.Range(0, concurrency).Select(i => Body(i, channelUrl, text)).ToArray();
        return RunAsync(endpoint, concurrency, warmup, duration, (worker, _) => (bodies[worker], null), serverCpu);
    }

    /// <param name="request">The body (and a header to add, e.g. a signature) of a worker's n-th request.</param>
    /// <param name="answered">
    /// For a bot that answers after its 200 (the Messenger webhook): given the worker, a wait that starts before the
    /// request and ends when the worker's reply arrived; a request's latency then runs to the reply.
    /// </param>
    public static async Task<(long Requests, long Failures, List<double> Latencies, double Seconds, TimeSpan ServerCpu)> RunAsync(
        Uri endpoint, int concurrency, TimeSpan warmup, TimeSpan duration, Func<int, long, (byte[] Body, KeyValuePair<string, string>? Header)> request, Func<TimeSpan> serverCpu, Func<int, Func<Task>>? answered = null)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { Timeout = TimeSpan.FromSeconds(30) };
        await RunPhaseAsync(client, endpoint, concurrency, request, warmup, record: null, answered);
        var latencies = new List<double>[concurrency];
        var cpuBefore = serverCpu();
        var started = Stopwatch.GetTimestamp();
        var counts = await RunPhaseAsync(client, endpoint, concurrency, request, duration, latencies, answered);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (counts.Requests, counts.Failures, latencies.SelectMany(l => l).ToList(), seconds, serverCpu() - cpuBefore);
    }

    private static async Task<(long Requests, long Failures)> RunPhaseAsync(
        HttpClient client, Uri endpoint, int concurrency, Func<int, long, (byte[] Body, KeyValuePair<string, string>? Header)> request, TimeSpan duration, List<double>[]? record, Func<int, Func<Task>>? answered)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long requests = 0, failures = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = new List<double>(4096);
            if (record is not null)
            {
                record[worker] = mine;
            }

            while (Stopwatch.GetTimestamp() < deadline)
            {
                var (body, header) = request(worker, Interlocked.Increment(ref _sequence));
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (header is { } h)
                {
                    content.Headers.TryAddWithoutValidation(h.Key, h.Value);
                }

                var reply = answered?.Invoke(worker);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync(endpoint, content);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                        continue;
                    }

                    if (reply is not null)
                    {
                        await reply().WaitAsync(TimeSpan.FromSeconds(30));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref requests);
            }
        });
        await Task.WhenAll(workers);
        return (requests, failures);
    }

    /// <summary>A message as the Emulator sends it; the same body repeats, which the bots do not mind (ids are not deduplicated on this path).</summary>
    private static byte[] Body(int worker, string channelUrl, string text) => Encoding.UTF8.GetBytes($$$"""
        {"type":"message","id":"{{{Guid.NewGuid()}}}","channelId":"emulator","serviceUrl":"{{{channelUrl.TrimEnd('/')}}}",
         "timestamp":"2026-11-25T09:00:00.000Z","locale":"en-US","text":"{{{text}}}","textFormat":"plain","attachments":[],
         "from":{"id":"user-{{{worker}}}","name":"User","role":"user"},"recipient":{"id":"bot","name":"Bot","role":"bot"},
         "conversation":{"id":"bench-{{{worker}}}|livechat"},"channelData":{"clientActivityID":"{{{worker}}}"}}
        """);
}
