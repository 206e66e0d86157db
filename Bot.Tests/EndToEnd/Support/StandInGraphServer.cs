using System.Net;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// The local stand-in for Meta's Marketing Messages endpoints (Bot/Messenger/MarketingMessages/LocalGraph/) in
/// the test's own process, on 127.0.0.1: it outlives a killed bot and counts what reached "Meta". Its routes are
/// the bot's own (<see cref="LocalGraphEndpoints.MapLocalGraphRoutes"/>), so its rules are the stand-in's. Two
/// things are the test's: a send (or a campaign creation) can be taken in by the stand-in and its answer held
/// back, which is a message that reached Meta while the sender waits. The tests set the stand-in's warm-up to zero
/// (<see cref="LocalGraphOptions.WarmUp"/>), because the bot process runs on the real clock; waiting out the warm-up
/// is tested on a fake one (Bot.Tests/Messenger/MarketingMessages/MarketingMessagesCampaignTests.cs).
/// </summary>
public sealed class StandInGraphServer : IAsyncDisposable
{
    public const string AccessToken = "local-token";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _arrivals = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _refusals = new();
    private int _sends;
    private int _holdSendsFrom = int.MaxValue;
    private int _held;
    private int _creations;
    private long _refusedAt;
    private volatile bool _holdCreations;

    private StandInGraphServer(WebApplication app, LocalMarketingMessagesGraph graph)
    {
        _app = app;
        Graph = graph;
    }

    /// <summary>What the bot's <c>Messenger:MarketingMessages:GraphBaseUrl</c> points at.</summary>
    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/local-graph");

    /// <summary>The stand-in itself: its campaigns and every accepted send.</summary>
    public LocalMarketingMessagesGraph Graph { get; }

    /// <summary>Calls to <c>POST act_&lt;id&gt;/message_campaign</c>, whatever their answer.</summary>
    public int Creations => Volatile.Read(ref _creations);

    /// <summary>Calls taken in whose answer is being held back: sends (or a creation) in flight, as the bot sees them.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Tokens of the sends whose answer was held back, in the order they arrived.</summary>
    public List<string> HeldTokens { get; } = [];

    /// <summary>When each send arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamps), for rate checks.</summary>
    public IReadOnlyList<long> Arrivals => [.. _arrivals];

    /// <summary>When the last refusal of <see cref="RefuseNextSend"/> was answered (a Stopwatch timestamp), 0 before.</summary>
    public long RefusedAt => Interlocked.Read(ref _refusedAt);

    /// <summary>The next send is refused with this Graph error body instead of reaching the stand-in (nothing is sent), once.</summary>
    public void RefuseNextSend(string errorBody) => _refusals.Enqueue(errorBody);

    /// <summary>From the <paramref name="count"/>-th send on, each is taken in by the stand-in but not answered until <see cref="ReleaseHeld"/> or until its client is gone.</summary>
    public void HoldSendsFrom(int count) => Volatile.Write(ref _holdSendsFrom, count);

    /// <summary>Campaign creations are carried out by the stand-in but not answered: the bot dies not knowing Meta made one.</summary>
    public void HoldCreations() => _holdCreations = true;

    /// <summary>Answers the held calls whose client is still there, and holds no more.</summary>
    public void ReleaseHeld()
    {
        Volatile.Write(ref _holdSendsFrom, int.MaxValue);
        _holdCreations = false;
        _release.TrySetResult();
    }

    public static async Task<StandInGraphServer> StartAsync(LocalGraphOptions? options = null, string pageAccessToken = "test-page-access-token")
    {
        var graph = new LocalMarketingMessagesGraph(options ?? new LocalGraphOptions(), TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = default(StandInGraphServer);
        app.Use((http, next) => server!.AnswerOrHoldAsync(http, next));
        app.MapLocalGraphRoutes(graph, AccessToken, pageAccessToken);
        await app.StartAsync();
        server = new StandInGraphServer(app, graph);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerOrHoldAsync(HttpContext http, RequestDelegate next)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var send = HttpMethods.IsPost(http.Request.Method) && path.EndsWith("/messages", StringComparison.Ordinal);
        var creation = HttpMethods.IsPost(http.Request.Method) && path.EndsWith("/message_campaign", StringComparison.Ordinal);
        if (!send && !creation)
        {
            await next(http);
            return;
        }

        if (send)
        {
            _arrivals.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
            if (_refusals.TryDequeue(out var refusal))
            {
                Interlocked.Exchange(ref _refusedAt, System.Diagnostics.Stopwatch.GetTimestamp());
                http.Response.StatusCode = 400;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(refusal);
                return;
            }
        }

        // The stand-in decides first (the message reaches "Meta"); only its answer is held.
        var answer = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        http.Request.EnableBuffering();
        await next(http);
        if (creation)
        {
            Interlocked.Increment(ref _creations);
        }

        var hold = creation ? _holdCreations : Interlocked.Increment(ref _sends) >= Volatile.Read(ref _holdSendsFrom);
        if (hold)
        {
            if (send)
            {
                http.Request.Body.Position = 0;
                var body = await System.Text.Json.Nodes.JsonNode.ParseAsync(http.Request.Body);
                lock (HeldTokens)
                {
                    HeldTokens.Add(body!["messenger_delivery_data"]!["subscription_token"]!.GetValue<string>());
                }
            }

            Interlocked.Increment(ref _held);
            try
            {
                await _release.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The bot is gone (killed): nobody reads the answer.
                return;
            }
        }

        http.Response.Body = answer;
        buffer.Position = 0;
        await buffer.CopyToAsync(answer);
    }
}
