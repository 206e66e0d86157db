using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// The baseline, in a process of its own like the run: plain POSTs of a campaign-sized body from one HttpClient
/// (default handler, as IHttpClientFactory's) to the same endpoint the run sends to, from as many concurrent
/// workers as the runner has sends in flight, for a fixed time after a warm-up. Through the Send API the body names
/// one of 1,024 tokens; through Marketing Messages each POST names a token of its own in the driver's Meta campaign,
/// with the access token in the header as the bot sends it, because the stand-in refuses a token a second message
/// within 12 hours (an error answer would be a cheaper request than an accepted send).
/// </summary>
internal static class RawPostRate
{
    private const int DistinctTokens = 1024;
    private const string Message = """{"text":"This week's deals: 20% off all tents and sleeping bags until Sunday.","quick_replies":[{"content_type":"text","title":"Show me","payload":"DEALS_SHOW"},{"content_type":"text","title":"Not now","payload":"DEALS_LATER"}]}""";

    public static async Task<int> RunAsync(ChildSettings settings)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Func<long, HttpRequestMessage> request;
        if (settings.Product == DeliveryProduct.MarketingMessages)
        {
            var url = new Uri($"{settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/v24.0/act_{MarketingMessagesStandIn.AdAccount}/messages");
            var campaign = settings.MetaCampaignId ?? throw new InvalidOperationException("The Marketing Messages baseline needs the driver's Meta campaign.");
            request = i =>
            {
                var post = Post(url, MarketingMessagesBody(campaign, i));
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MarketingMessagesStandIn.AccessToken);
                return post;
            };
        }
        else
        {
            var url = new Uri($"{settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/1234567890/messages?access_token=bench-page-access-token");
            var bodies = Enumerable.Range(0, DistinctTokens).Select(SendApiBody).ToArray();
            request = i => Post(url, bodies[i % bodies.Length]);
        }

        var next = -1L;
        await PostForAsync(client, request, () => Interlocked.Increment(ref next), settings.Parallel, TimeSpan.FromSeconds(3));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var (posts, failures) = await PostForAsync(client, request, () => Interlocked.Increment(ref next), settings.Parallel, TimeSpan.FromSeconds(settings.Seconds));
        ChildProcess.Report(new RawResult(posts, failures, Stopwatch.GetElapsedTime(started).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, settings.Parallel));
        return 0;
    }

    private static async Task<(long Posts, long Failures)> PostForAsync(HttpClient client, Func<long, HttpRequestMessage> request, Func<long> next, int concurrency, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long posts = 0, failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var post = request(next());
                using var response = await client.SendAsync(post);
                await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref posts : ref failures);
            }
        }));
        return (posts, failures);
    }

    private static HttpRequestMessage Post(Uri url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    /// <summary>The same message the run sends, to a token of its own.</summary>
    private static byte[] SendApiBody(int token) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture, $$$"""{"recipient":{"notification_messages_token":"raw-{{{token}}}"},"message":{{{Message}}}}"""));

    /// <summary>The body the bot's Marketing Messages client sends (Bot/Messenger/MarketingMessages/MarketingMessagesClient.cs), to a token never used before.</summary>
    private static byte[] MarketingMessagesBody(string campaign, long token) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture, $$$"""{"message_id":"{{{campaign}}}","messenger_delivery_data":{"subscription_token":"raw-{{{token}}}"},"message":{{{Message}}}}"""));
}
