using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationBot.Bench.Cost;

/// <summary>
/// The channel side of the Emulator's protocol (as Bot.Tests/EndToEnd/Support/FakeChannel.cs plays it):
/// takes the bot's replies at {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}] and its
/// updates of a sent message, answers with an id, and keeps each reply's text per conversation so the
/// bench can check that a turn did what it measures.
/// </summary>
internal sealed class ReplyChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _texts = new(StringComparer.Ordinal);

    private ReplyChannel(WebApplication app) => _app = app;

    public Uri ServiceUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public static async Task<ReplyChannel> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var channel = new ReplyChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", channel.ReceiveAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string activityId) => Results.Json(new { id = activityId }));
        await app.StartAsync(cancellationToken);
        return channel;
    }

    /// <summary>The texts the bot sent to a conversation, in order (a card without text counts as empty).</summary>
    public IReadOnlyList<string> TextsFor(string conversationId) =>
        _texts.TryGetValue(conversationId, out var texts) ? [.. texts] : [];

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId)
    {
        using var activity = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var text = activity.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
        _texts.GetOrAdd(Uri.UnescapeDataString(conversationId), _ => new ConcurrentQueue<string>()).Enqueue(text);
        return Results.Json(new { id = Guid.NewGuid().ToString() });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
