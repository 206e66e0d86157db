using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Bot.Tests.Messenger.Support;

/// <summary>
/// Meta's Graph Send API as a small Kestrel app on 127.0.0.1: records every request to
/// /{version}/{page}/messages and answers send-ok.json, or whatever a test queued (an error body, a status);
/// and the Page's Messenger profile (<see cref="FakeMessengerProfile"/>).
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Edge, JsonObject Body)> _threadControls = new();
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _received = new();
    private readonly ConcurrentQueue<long> _arrivals = new();
    private readonly ConcurrentQueue<long> _answeredAt = new();
    private readonly ConcurrentQueue<(int Status, string Body, int? RetryAfterSeconds)> _answers = new();
    private readonly List<(Func<JsonObject, bool> Matches, int Status, string Body)> _conditional = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;
    private int _holdFrom = int.MaxValue;

    private FakeGraphApi(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUrl = new Uri(address.TrimEnd('/') + "/v21.0");
    }

    /// <summary>The Page's Messenger profile behind /{version}/{page}/messenger_profile.</summary>
    public FakeMessengerProfile Profile { get; } = new();

    /// <summary>How long every answer takes (a slow Graph API).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>When each Send API request arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamps), for rate checks.</summary>
    public IReadOnlyList<long> Arrivals => [.. _arrivals];

    /// <summary>When each answer given with <see cref="AnswerNext"/> went out (<see cref="System.Diagnostics.Stopwatch"/> timestamps).</summary>
    public IReadOnlyList<long> AnsweredAt => [.. _answeredAt];

    /// <summary>What Messenger:GraphBaseUrl points at.</summary>
    public Uri BaseUrl { get; }

    public IReadOnlyList<GraphRequest> Requests => [.. _received];

    /// <summary>The handover protocol's calls (pass_thread_control, take_thread_control, request_thread_control), in order.</summary>
    public IReadOnlyList<(string Edge, JsonObject Body)> ThreadControls => [.. _threadControls];

    /// <summary>The requests held unanswered by <see cref="HoldFrom"/>: sends in flight, as the sender sees them.</summary>
    public int Held => Math.Max(0, Volatile.Read(ref _arrived) - Volatile.Read(ref _holdFrom) + 1);

    /// <summary>
    /// From the <paramref name="count"/>-th request on, requests are recorded but not answered until
    /// <see cref="ReleaseHeld"/> or until their client goes away: a test stops a host at a chosen
    /// point with exactly those sends in flight.
    /// </summary>
    public void HoldFrom(int count) => Volatile.Write(ref _holdFrom, count);

    /// <summary>Answers the held requests (those whose client is still there) as usual, and holds no more.</summary>
    public void ReleaseHeld()
    {
        Volatile.Write(ref _holdFrom, int.MaxValue);
        _release.TrySetResult();
    }

    /// <summary>The message bodies sent, in order (sender actions left out).</summary>
    public IReadOnlyList<JsonObject> Messages => [.. Requests.Where(r => r.Body["message"] is not null).Select(r => (JsonObject)r.Body["message"]!)];

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var graph = default(FakeGraphApi);
        app.MapPost("/{version}/{page}/messages", async (HttpContext http, string page) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            graph!._received.Enqueue(new GraphRequest(page, http.Request.Query["access_token"].ToString(), body));
            graph._arrivals.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
            if (Interlocked.Increment(ref graph._arrived) >= Volatile.Read(ref graph._holdFrom))
            {
                try
                {
                    await graph._release.Task.WaitAsync(http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The sender is gone (a killed host): nobody reads an answer.
                    return Results.Empty;
                }
            }

            if (graph.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(graph.ResponseDelay);
            }

            (Func<JsonObject, bool> Matches, int Status, string Body) special;
            lock (graph._conditional)
            {
                special = graph._conditional.FirstOrDefault(c => c.Matches(body));
                if (special.Matches is not null)
                {
                    graph._conditional.Remove(special);
                }
            }

            if (special.Matches is not null)
            {
                return Results.Content(special.Body, "application/json", statusCode: special.Status);
            }

            if (graph._answers.TryDequeue(out var answer))
            {
                graph._answeredAt.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
                if (answer.RetryAfterSeconds is { } seconds)
                {
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
            }

            return Results.Content(MessengerSamples.Read("send-ok.json"), "application/json");
        });
        // The slim builder has no regex route constraint: one route per handover edge.
        foreach (var edge in new[] { "pass_thread_control", "take_thread_control", "request_thread_control" })
        {
            app.MapPost("/{version}/{page}/" + edge, async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                graph!._threadControls.Enqueue((edge, JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject()));
                return Results.Content("{\"success\":true}", "application/json");
            });
        }

        app.MapMethods("/{version}/{page}/messenger_profile", ["GET", "POST", "DELETE"], async (HttpContext http) =>
        {
            JsonObject? body = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.ContentType.Count > 0)
            {
                using var reader = new StreamReader(http.Request.Body);
                var text = await reader.ReadToEndAsync();
                body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)!.AsObject();
            }

            return graph!.Profile.Handle(http.Request.Method, http.Request.Query["fields"].ToString(), body);
        });
        await app.StartAsync();
        graph = new FakeGraphApi(app);
        return graph;
    }

    /// <summary>The first request whose body matches is answered with this status and body, once.</summary>
    public void AnswerWhen(Func<JsonObject, bool> matches, int status, string body)
    {
        lock (_conditional)
        {
            _conditional.Add((matches, status, body));
        }
    }

    /// <summary>The next request is answered with this status and body (e.g. a sample error file).</summary>
    public void AnswerNext(int status, string body, int? retryAfterSeconds = null) => _answers.Enqueue((status, body, retryAfterSeconds));

    /// <summary>The requests addressed to a recurring-notification token.</summary>
    public IReadOnlyList<GraphRequest> ToToken(string token) =>
        [.. Requests.Where(r => r.Body["recipient"]?["notification_messages_token"]?.GetValue<string>() == token)];

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
