using System.Net;
using ConversationBot.Bot.Telemetry;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Bot.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>
/// Failed admin keys are throttled per client address (10 a minute by default): from the 11th on the
/// address gets 429 with Retry-After, even with the right key, while other addresses and successful
/// calls are unaffected. The client addresses are set the way App Service's front end sets them: an
/// X-Forwarded-For header from a trusted proxy (loopback, where the test runs).
/// </summary>
public sealed class FailedCredentialsThrottleTests : IDisposable
{
    private const string Attacker = "203.0.113.10";
    private const string Operator = "203.0.113.20";

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Twenty_wrong_keys_from_one_address_get_429_from_the_11th_on_and_a_right_key_from_another_address_still_works()
    {
        var log = new RecordedLog();
        await using var bot = BotHost.Start(_database.FilePath, AdminClient.Settings(), services => services.AddSingleton<ILoggerProvider>(log));
        using var measured = new RecordedMeasurements(bot.Services.GetRequiredService<BotTelemetry>().Meter);

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            answers.Add(await GetHandoffsAsync(bot, Attacker, $"wrong-key-{attempt}-0123456789abcdef0123456789"));
        }

        using var fromOperator = await GetHandoffsAsync(bot, Operator, AdminClient.Key);
        using var rightKeyFromAttacker = await GetHandoffsAsync(bot, Attacker, AdminClient.Key);

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 10)],
            answers.Select(a => a.StatusCode));
        Assert.All(answers.Skip(10), a => Assert.InRange(a.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));
        Assert.Equal(HttpStatusCode.OK, fromOperator.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyFromAttacker.StatusCode);
        Assert.Equal(11, measured.Of("conversationbot.rate_limited").Count(m => m.Tag(TelemetryTags.Policy) == "failed_credentials"));
        Assert.Equal(11, log.At(LogLevel.Warning).Count(m => m.Contains("failed_credentials", StringComparison.Ordinal) && m.Contains(Attacker, StringComparison.Ordinal)));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("wrong-key-", StringComparison.Ordinal) || e.Message.Contains(AdminClient.Key, StringComparison.Ordinal));
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Successful_calls_take_no_permit()
    {
        await using var bot = BotHost.Start(_database.FilePath, AdminClient.Settings());

        for (var call = 0; call < 30; call++)
        {
            using var ok = await GetHandoffsAsync(bot, Operator, AdminClient.Key);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var wrong = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            using var answer = await GetHandoffsAsync(bot, Operator, null);
            wrong.Add(answer.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), HttpStatusCode.TooManyRequests], wrong);
    }

    [Fact]
    public async Task The_limit_is_a_setting()
    {
        await using var bot = BotHost.Start(_database.FilePath, AdminClient.Settings(new Dictionary<string, string?> { ["RateLimits:FailedCredentials:PermitLimit"] = "3" }));

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var answer = await GetHandoffsAsync(bot, Attacker, "wrong");
            answers.Add(answer.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
    }

    public void Dispose() => _database.Dispose();

    private static async Task<HttpResponseMessage> GetHandoffsAsync(BotHost bot, string clientAddress, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/handoffs");
        request.Headers.Add("X-Forwarded-For", clientAddress);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await bot.Client.SendAsync(request);
    }
}
