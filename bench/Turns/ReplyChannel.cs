using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationBot.Bench.Turns;

/// <summary>The channel the bots reply to: answers every activity with 200 and an id, and counts them.</summary>
internal sealed class ReplyChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _received;

    private ReplyChannel(WebApplication app) => _app = app;

    public long Received => Interlocked.Read(ref _received);

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
        await app.StartAsync();
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
