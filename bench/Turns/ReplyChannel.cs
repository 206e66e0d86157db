using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationBot.Bench.Turns;

/// <summary>
/// The channels the bots reply to: a Bot Framework channel (every activity answered 200 with an id)
/// and Messenger's Send API (every message answered with a recipient and message id, after
/// <see cref="GraphDelay"/>, as a slow Graph API would); both counted, and Messenger's messages per
/// customer, so a sender can wait for its reply as the customer does.
/// </summary>
internal sealed class ReplyChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Inbox> _inboxes = new(StringComparer.Ordinal);
    private long _received;
    private long _graphDelayTicks;

    private ReplyChannel(WebApplication app) => _app = app;

    public long Received => Interlocked.Read(ref _received);

    /// <summary>How long the Send API takes to answer.</summary>
    public TimeSpan GraphDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _graphDelayTicks));
        set => Interlocked.Exchange(ref _graphDelayTicks, value.Ticks);
    }

    /// <summary>How many messages the Send API has taken for <paramref name="psid"/>.</summary>
    public long MessagesTo(string psid) => _inboxes.GetOrAdd(psid, _ => new Inbox()).Count;

    /// <summary>Completes when <paramref name="psid"/> has been sent more than <paramref name="seen"/> messages.</summary>
    public Task WaitForMessageAsync(string psid, long seen) => _inboxes.GetOrAdd(psid, _ => new Inbox()).WaitBeyondAsync(seen);

    /// <summary>What Messenger:GraphBaseUrl points at.</summary>
    public string GraphBaseUrl => Url.TrimEnd('/') + "/v21.0";

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public static async Task<ReplyChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var channel = new ReplyChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext http) =>
        {
            // Read the body as a real channel would, then answer like the Emulator does.
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            Interlocked.Increment(ref channel._received);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"id":"1"}""", http.RequestAborted);
        });
        app.MapPost("/{version}/{page}/messages", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var id = Interlocked.Increment(ref channel._received);
            if (channel.GraphDelay > TimeSpan.Zero)
            {
                await Task.Delay(channel.GraphDelay, http.RequestAborted);
            }

            if (body.RootElement.TryGetProperty("message", out _)
                && body.RootElement.TryGetProperty("recipient", out var recipient)
                && recipient.TryGetProperty("id", out var psid))
            {
                channel._inboxes.GetOrAdd(psid.GetString() ?? string.Empty, _ => new Inbox()).Add();
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync($$"""{"recipient_id":"1","message_id":"m_{{id}}"}""", http.RequestAborted);
        });
        await app.StartAsync();
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One customer's messages: a count and whoever waits for the next.</summary>
    private sealed class Inbox
    {
        private readonly Lock _gate = new();
        private readonly List<(long Beyond, TaskCompletionSource Done)> _waiting = [];
        private long _count;

        public long Count
        {
            get
            {
                lock (_gate)
                {
                    return _count;
                }
            }
        }

        public void Add()
        {
            lock (_gate)
            {
                _count++;
                _waiting.RemoveAll(w => w.Beyond < _count && w.Done.TrySetResult());
            }
        }

        public Task WaitBeyondAsync(long seen)
        {
            lock (_gate)
            {
                if (_count > seen)
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((seen, done));
                return done.Task;
            }
        }
    }
}
