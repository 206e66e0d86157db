using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationBot.Bench.Turns;

/// <summary>
/// The channels the bots reply to: a Bot Framework channel (every activity answered 200 with an id)
/// and Messenger's Send API (every message answered with a recipient and message id, after
/// <see cref="GraphDelay"/>, as a slow Graph API would); both counted.
/// </summary>
internal sealed class ReplyChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
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
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            var id = Interlocked.Increment(ref channel._received);
            if (channel.GraphDelay > TimeSpan.Zero)
            {
                await Task.Delay(channel.GraphDelay, http.RequestAborted);
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
}
