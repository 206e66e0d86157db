using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// The channel side of the Bot Framework protocol, as the Emulator plays it: receives the bot's
/// replies at {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}] and answers 200 with an id,
/// and the bot's updates of a message it sent (PUT .../activities/{activityId}, as Teams and the
/// Emulator take them). Runs on 127.0.0.1 on a free port.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedActivity> _received = new();
    private readonly ConcurrentQueue<ReceivedActivity> _updates = new();

    private FakeChannel(WebApplication app)
    {
        _app = app;
        ServiceUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri ServiceUrl { get; }

    /// <summary>What the channel answers; tests set it to make the channel fail.</summary>
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>What the channel answers to an update; tests set it to a channel that cannot update.</summary>
    public int UpdateStatusCode { get; set; } = StatusCodes.Status200OK;

    public static async Task<FakeChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var channel = default(FakeChannel);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext http, string conversationId, string? replyToId) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync())!;
            var id = Guid.NewGuid().ToString();
            channel!._received.Enqueue(new ReceivedActivity(Uri.UnescapeDataString(conversationId), replyToId, activity, http.Request.Headers.Authorization.ToString()) { Id = id });
            return channel.StatusCode == StatusCodes.Status200OK
                ? Results.Json(new { id })
                : Results.StatusCode(channel.StatusCode);
        });
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpContext http, string conversationId, string activityId) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync())!;
            if (channel!.UpdateStatusCode != StatusCodes.Status200OK)
            {
                return Results.StatusCode(channel.UpdateStatusCode);
            }

            channel._updates.Enqueue(new ReceivedActivity(Uri.UnescapeDataString(conversationId), null, activity, http.Request.Headers.Authorization.ToString()) { Id = activityId });
            return Results.Json(new { id = activityId });
        });
        await app.StartAsync();
        channel = new FakeChannel(app);
        return channel;
    }

    public IReadOnlyList<ReceivedActivity> All => [.. _received];

    /// <summary>The updates of sent messages, in order; <see cref="ReceivedActivity.Id"/> is the message updated.</summary>
    public IReadOnlyList<ReceivedActivity> Updates => [.. _updates];

    /// <summary>Everything received for a conversation, in order.</summary>
    public IReadOnlyList<Activity> ActivitiesFor(string conversationId) =>
        [.. _received.Where(r => r.ConversationId == conversationId).Select(r => r.Activity)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
