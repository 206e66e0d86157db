using System.Net;
using System.Text;
using ConversationBot.Bot.Telemetry;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Bot.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>
/// /api/messages and /api/messenger are limited per client address (RateLimits:Channels): a flood
/// gets 429 with Retry-After, logged and counted; loopback (the Emulator) is never limited. The limit
/// is set low here; the client address comes from X-Forwarded-For sent by a trusted proxy (loopback).
/// </summary>
public sealed class ChannelRateLimitTests : EmulatorTest
{
    private const string Flooder = "198.51.100.7";

    [Fact]
    public async Task A_flood_from_one_address_gets_429_with_Retry_After_logged_and_counted_and_others_are_served()
    {
        var log = new RecordedLog();
        await using var bot = BotHost.Start(
            Database.FilePath,
            new Dictionary<string, string?> { ["RateLimits:Channels:PermitLimit"] = "5", ["RateLimits:Channels:Window"] = "01:00:00" },
            services => services.AddSingleton<ILoggerProvider>(log));
        using var measured = new RecordedMeasurements(bot.Services.GetRequiredService<BotTelemetry>().Meter);

        var flood = new List<HttpResponseMessage>();
        for (var request = 0; request < 8; request++)
        {
            flood.Add(await PostAsync(bot, Flooder));
        }

        using var otherAddress = await PostAsync(bot, "198.51.100.8");

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)],
            flood.Select(r => r.StatusCode));
        Assert.All(flood.Skip(5), r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(3, measured.Of("conversationbot.rate_limited").Count(m => m.Tag(TelemetryTags.Policy) == "channels"));
        Assert.Equal(3, log.At(LogLevel.Warning).Count(m => m.Contains("Rate limit channels", StringComparison.Ordinal) && m.Contains(Flooder, StringComparison.Ordinal)));
        flood.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Loopback_is_never_limited()
    {
        await using var bot = BotHost.Start(Database.FilePath, new Dictionary<string, string?> { ["RateLimits:Channels:PermitLimit"] = "2", ["RateLimits:Channels:Window"] = "01:00:00" });
        var emulator = new EmulatorClient(bot, Channel);

        for (var turn = 0; turn < 10; turn++)
        {
            Assert.NotEmpty(await emulator.SayAndReadAsync("hi"));
        }
    }

    [Fact]
    public async Task A_limit_of_0_turns_it_off()
    {
        await using var bot = BotHost.Start(Database.FilePath, new Dictionary<string, string?> { ["RateLimits:Channels:PermitLimit"] = "0" });

        for (var request = 0; request < 10; request++)
        {
            using var response = await PostAsync(bot, Flooder);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(BotHost bot, string clientAddress)
    {
        var activity = $$"""{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":"{{Guid.NewGuid()}}|livechat"},"from":{"id":"u1"},"recipient":{"id":"b1"},"serviceUrl":"{{Channel.ServiceUrl}}","locale":"en-US"}""";
        return await bot.Client.SendAsync(Forwarded(
            new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity, Encoding.UTF8, "application/json") },
            clientAddress));
    }

    private static HttpRequestMessage Forwarded(HttpRequestMessage request, string clientAddress)
    {
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return request;
    }
}
