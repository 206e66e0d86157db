using System.Diagnostics;
using Activity = Microsoft.Bot.Schema.Activity;
using System.Net;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

using ConversationBot.Repository;

namespace ConversationBot.Bench.Turns;

/// <summary>One server under test, in a process of its own: the bare ceiling, the stock echo bot, or ours (on /api/messages, or on the Messenger webhook).</summary>
internal static class TargetServer
{
    public static async Task<int> RunAsync(string target, BenchSettings settings)
    {
        var builder = target is "ours" or "webhook"
            ? WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = RepositoryRoot.BotProject })
            : WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, settings.Port));
        var database = Path.Combine(Path.GetTempPath(), $"bench-turns-{Environment.ProcessId}.db");
        // Production without an app id: the bench plays the channel on loopback, unauthenticated (docs/security.md).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = database, ["Bot:AllowAnonymous"] = "true" });

        WebApplication app;
        switch (target)
        {
            case "ceiling":
                app = builder.Build();
                app.MapPost("/api/messages", ParseOnlyAsync);
                break;
            case "stock":
                builder.Services.AddHttpClient();
                builder.Services.AddSingleton(sp => new CloudAdapter(
                    new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()),
                    sp.GetRequiredService<ILogger<CloudAdapter>>()));
                builder.Services.AddSingleton<IBot, EchoBot>();
                app = builder.Build();
                app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, CloudAdapter adapter, IBot bot) => adapter.ProcessAsync(request, response, bot));
                break;
            case "webhook":
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Messenger:AppSecret"] = WebhookLoad.AppSecret,
                    ["Messenger:VerifyToken"] = "bench-verify-token",
                    ["Messenger:PageAccessToken"] = "bench-page-access-token",
                    ["Messenger:PageId"] = WebhookLoad.PageId,
                    ["Messenger:GraphBaseUrl"] = settings.ChannelUrl!.TrimEnd('/') + "/v21.0",
                    ["Delivery:Enabled"] = "false",

                    // A 1,000-event POST is about 250 KB, at the default limit.
                    ["Messenger:MaxBodyBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                builder.AddConversationBot();
                app = builder.Build();
                app.MapConversationBot();
                break;
            case "ours":
                builder.AddConversationBot();
                app = builder.Build();
                app.MapConversationBot();
                app.MapPost("/bench/proactive", (int seconds, int concurrency, BotCloudAdapter adapter) => ProactiveAsync(adapter, settings.ChannelUrl!, seconds, concurrency));
                break;
            default:
                await Console.Error.WriteLineAsync($"Unknown target '{target}'.");
                return 2;
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.WriteLine($"READY {address}");

        // Serve until the driver closes our standard input.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), $"bench-turns-{Environment.ProcessId}.db*"))
        {
            File.Delete(file);
        }

        return 0;
    }

    /// <summary>The ceiling: read and deserialize the activity the way the SDK does, answer 200, nothing else.</summary>
    private static async Task ParseOnlyAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        body.Position = 0;
        using var reader = new JsonTextReader(new StreamReader(body));
        var activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        http.Response.StatusCode = string.IsNullOrEmpty(activity?.Type) ? 400 : 200;
        await http.Response.CompleteAsync();
    }

    /// <summary>Proactive sends to stored conversation references, as the delivery service makes them, for a fixed time.</summary>
    private static async Task<ProactiveResult> ProactiveAsync(BotCloudAdapter adapter, string channelUrl, int seconds, int concurrency)
    {
        var deadline = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        long sent = 0, failed = 0;
        var latencies = new List<double>[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            var reference = new ConversationReference
            {
                ChannelId = "emulator",
                ServiceUrl = channelUrl.TrimEnd('/'),
                Conversation = new ConversationAccount(id: $"proactive-{worker}|livechat"),
                User = new ChannelAccount($"user-{worker}"),
                Bot = new ChannelAccount("bot"),
            };
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await adapter.ContinueConversationAsync(string.Empty, reference, (turn, ct) => turn.SendActivityAsync("This week's deals are here.", cancellationToken: ct), CancellationToken.None);
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    Interlocked.Increment(ref sent);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var (p50, p99) = LoadResult.Percentiles([.. latencies.SelectMany(l => l)]);
        return new ProactiveResult(sent, failed, seconds, p50, p99);
    }

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync($"echo: {turnContext.Activity.Text}", cancellationToken: cancellationToken);
    }
}
