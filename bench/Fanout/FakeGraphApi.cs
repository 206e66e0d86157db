using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// The Send API as the runner sees it: answers every POST /{version}/{page}/messages with a
/// recipient and message id, and counts requests per notification_messages_token, which is how the
/// driver checks that every subscriber got exactly one message. Also linked into bench/Cost, whose
/// campaign it receives.
/// </summary>
internal sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private ConcurrentDictionary<string, int> _perToken = new(StringComparer.Ordinal);
    private long _requests;

    private FakeGraphApi(WebApplication app) => _app = app;

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyDictionary<string, int> PerToken => _perToken;

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/v21.0");

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var graph = new FakeGraphApi(app);
        app.MapPost("/{version}/{page}/messages", graph.AnswerAsync);
        await app.StartAsync();
        return graph;
    }

    /// <summary>Forgets the counts: each step is checked on its own.</summary>
    public void Reset()
    {
        _perToken = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Interlocked.Exchange(ref _requests, 0);
    }

    private async Task AnswerAsync(HttpContext http)
    {
        // Parse the body as Meta would have to, so a raw POST and a campaign send cost the fake the same.
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var token = body.RootElement.TryGetProperty("recipient", out var recipient) && recipient.TryGetProperty("notification_messages_token", out var t)
            ? t.GetString() ?? string.Empty
            : string.Empty;
        _perToken.AddOrUpdate(token, 1, (_, count) => count + 1);
        var id = Interlocked.Increment(ref _requests);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $$"""{"recipient_id":"{{id}}","message_id":"m_{{id}}"}"""), http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
