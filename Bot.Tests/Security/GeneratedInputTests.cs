using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>
/// Generated bad input against every door of the real host: the Messenger webhook (signed and
/// unsigned), /api/messages, and the admin API (with and without its key). Each input is a shipped
/// sample mutated once (a member removed, swapped for another type, huge, deep, out of range, not
/// valid Unicode, a raw byte that is not UTF-8, a duplicate key, bytes after the end). Whatever comes
/// in: no 5xx, nothing logged as unhandled, the host healthy, and a real conversation still answered.
/// Every run draws new inputs; a failure prints its seed and the shrunk input, and
/// <c>CsCheck_Seed=&lt;seed&gt; ./test.sh --filter FullyQualifiedName~GeneratedInputTests</c> replays it.
/// <c>GENERATED_INPUTS</c> sets how many (2,000 by default, a few seconds).
/// </summary>
public sealed class GeneratedInputTests(ITestOutputHelper output) : EmulatorTest
{
    private static readonly int Inputs = int.TryParse(Environment.GetEnvironmentVariable("GENERATED_INPUTS"), out var n) && n > 0 ? n : 2_000;

    private static readonly string[] MessengerSamples =
    [
        "message-text.json", "message-quick-reply.json", "message-image.json", "postback.json", "batch.json",
        "optin-notification-messages.json", "optin-2022-weekly.json", "optin-refreshed.json", "optin-stop.json", "optin-resume.json",
    ];

    private enum Door
    {
        WebhookSigned,
        WebhookUnsigned,
        Messages,
        AdminWithKey,
        AdminWithoutKey,
        AdminQuery,
    }

    private enum Mutation
    {
        Remove,
        HugeNumber,
        NegativeNumber,
        HugeString,
        LoneSurrogate,
        DeepNesting,
        OtherType,
        DuplicateKey,
        TrailingBytes,
        RawByte,
        BeyondDouble,
        EmptyString,
    }

    [Fact]
    public async Task No_generated_input_gets_a_5xx_or_an_unhandled_exception_and_the_bot_still_answers()
    {
        var logs = new UnhandledExceptionLog();
        await using var bot = await MessengerBot.StartAsync(
            locale: "de-CH",
            // The admin key check itself is under test here, not the throttle on failed keys in front of it
            // (Bot.Tests/Security/FailedCredentialsThrottleTests.cs): without this, every admin input after
            // the tenth failure would get 429 before its key is looked at.
            settings: AdminClient.Settings(new Dictionary<string, string?> { ["RateLimits:FailedCredentials:PermitLimit"] = "1000000" }),
            replaceServices: services => services.AddSingleton<ILoggerProvider>(logs));
        var counts = new ConcurrentDictionary<string, int>();

        var inputs =
            from door in Gen.Enum<Door>()
            from sample in Gen.Int[0, 1_000]
            from mutation in Gen.Enum<Mutation>()
            from place in Gen.Int[0, 10_000]
            select Build(door, sample, mutation, place);

        await inputs.SampleAsync(
            async input =>
            {
                using var response = await SendAsync(bot, input);
                var status = (int)response.StatusCode;
                counts.AddOrUpdate($"{input.Door} {status}", 1, (_, n) => n + 1);
                if (status >= 500)
                {
                    throw new InvalidOperationException($"{input.Door} answered {status}: {await response.Content.ReadAsStringAsync()}");
                }

                if (input.Door is Door.WebhookUnsigned or Door.AdminWithoutKey && status is not (401 or 403))
                {
                    throw new InvalidOperationException($"{input.Door} answered {status} without credentials");
                }
            },
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("CsCheck_Seed"),
            iter: Inputs,
            threads: 1,
            print: input => $"{input.Door} {input.Description}: {Encoding.UTF8.GetString(input.Body)[..Math.Min(2_000, input.Body.Length)]}");

        foreach (var (doorAndStatus, n) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{doorAndStatus}: {n}");
        }

        Assert.Equal(Inputs, counts.Values.Sum());
        Assert.Empty(logs.Unhandled);
        using (var health = await bot.Host.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        // A customer the generated input never played (it may have asked for a person, or stopped mid-dialog).
        var before = bot.Graph.Messages.Count;
        var customer = Messenger.Support.MessengerSamples.Read("message-text.json")
            .Replace("m_AbC123text", "m_after_the_storm", StringComparison.Ordinal)
            .Replace(MessengerBot.Psid, "9876543210123456", StringComparison.Ordinal);
        using (var chat = await bot.PostSignedAsync(customer))
        {
            Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        }

        Assert.Contains(bot.Graph.Messages.Skip(before), m => m.ToJsonString().Contains("10045", StringComparison.Ordinal));
    }

    private GeneratedInput Build(Door door, int sample, Mutation mutation, int where)
    {
        var seed = door switch
        {
            Door.WebhookSigned or Door.WebhookUnsigned => Messenger.Support.MessengerSamples.Read(MessengerSamples[sample % MessengerSamples.Length]),
            Door.Messages => EmulatorMessage(),
            Door.AdminQuery => "{}",
            _ => """{"topic":"weekly-deals","text":"This week: 20% off","imageUrl":"https://example.com/a.png","buttons":[{"title":"Show me","payload":"offers"}],"sendAt":"2026-11-25T10:00:00Z"}""",
        };

        if (door == Door.AdminQuery)
        {
            var values = new[] { "abc", "", "2147483648", "-1", "0", "1e3", "\ud800", new string('9', 400), "%00", "50" };
            return new GeneratedInput(door, [], $"?pageSize={Uri.EscapeDataString(values[where % values.Length])}&status={Uri.EscapeDataString(values[(where / 10) % values.Length])}", "query");
        }

        var (body, description) = Mutate(seed, mutation, where);
        return new GeneratedInput(door, body, null, description);
    }

    private string EmulatorMessage() => new JsonObject
    {
        ["type"] = "message",
        ["id"] = "a1",
        ["channelId"] = "emulator",
        ["serviceUrl"] = Channel.ServiceUrl.ToString().TrimEnd('/'),
        ["timestamp"] = "2026-11-25T09:46:40.000Z",
        ["locale"] = "en-US",
        ["text"] = "where is my order 10045?",
        ["from"] = new JsonObject { ["id"] = "u1", ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "b1", ["name"] = "Bot", ["role"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = "c1|livechat" },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "u1", ["name"] = "User" }),
        ["value"] = new JsonObject { ["optIn"] = "allow", ["topic"] = "order-updates" },
        ["channelData"] = new JsonObject { ["clientActivityID"] = "1" },
    }.ToJsonString();

    /// <summary>One mutation at one place of the sample: the <paramref name="where"/>-th of its members (wrapping).</summary>
    private static (byte[] Body, string Description) Mutate(string json, Mutation mutation, int where)
    {
        const string Marker = "\"__MARK__\"";
        var root = JsonNode.Parse(json)!;
        var places = new List<(JsonNode Parent, string? Name, int Index, string Path)>();
        Collect(root, "$", places);
        var (parent, name, index, path) = places[where % places.Count];

        void Set(JsonNode? value)
        {
            if (name is not null)
            {
                parent.AsObject()[name] = value;
            }
            else
            {
                parent.AsArray()[index] = value;
            }
        }

        switch (mutation)
        {
            case Mutation.Remove:
                if (name is not null)
                {
                    parent.AsObject().Remove(name);
                }
                else
                {
                    parent.AsArray().RemoveAt(index);
                }

                break;
            case Mutation.HugeNumber:
                Set(JsonValue.Create(long.MaxValue));
                break;
            case Mutation.NegativeNumber:
                Set(JsonValue.Create(-1));
                break;
            case Mutation.HugeString:
                Set(JsonValue.Create(new string('x', 20_000)));
                break;
            case Mutation.OtherType:
                Set((where % 4) switch { 0 => new JsonObject(), 1 => new JsonArray(), 2 => (JsonNode)JsonValue.Create(true), _ => null });
                break;
            case Mutation.EmptyString:
                Set(JsonValue.Create(string.Empty));
                break;
            case Mutation.LoneSurrogate or Mutation.DeepNesting or Mutation.BeyondDouble:
                Set(JsonValue.Create("__MARK__"));
                break;
        }

        var text = root.ToJsonString();
        text = mutation switch
        {
            Mutation.LoneSurrogate => text.Replace(Marker, "\"a\\ud800b\"", StringComparison.Ordinal),
            Mutation.DeepNesting => text.Replace(Marker, new string('[', 300) + new string(']', 300), StringComparison.Ordinal),
            Mutation.BeyondDouble => text.Replace(Marker, where % 2 == 0 ? "1e309" : "9007199254740993", StringComparison.Ordinal),
            Mutation.DuplicateKey => text.Length > 1 && text[0] == '{' ? "{\"object\":\"page\",\"type\":\"message\"," + text[1..] : text,
            Mutation.TrailingBytes => text + " garbage {{{",
            _ => text,
        };

        var bytes = Encoding.UTF8.GetBytes(text);
        if (mutation == Mutation.RawByte)
        {
            var at = where % bytes.Length;
            bytes = [.. bytes[..at], 0xFF, .. bytes[at..]];
        }

        return (bytes, $"{mutation} at {path}");
    }

    private static void Collect(JsonNode? node, string path, List<(JsonNode, string?, int, string)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    places.Add((obj, name, -1, $"{path}.{name}"));
                    Collect(value, $"{path}.{name}", places);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, null, i, $"{path}[{i}]"));
                    Collect(array[i], $"{path}[{i}]", places);
                }

                break;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(MessengerBot bot, GeneratedInput input)
    {
        switch (input.Door)
        {
            case Door.WebhookSigned:
                return await bot.PostAsync(input.Body, MessengerSignature.Sign(input.Body, MessengerBot.AppSecret));
            case Door.WebhookUnsigned:
                return await bot.PostAsync(input.Body, null);
            case Door.AdminQuery:
                using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/campaigns" + input.Query))
                {
                    request.Headers.Add("X-Api-Key", AdminClient.Key);
                    return await bot.Host.Client.SendAsync(request);
                }

            default:
                var content = new ByteArrayContent(input.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using (var request = new HttpRequestMessage(HttpMethod.Post, input.Door == Door.Messages ? "/api/messages" : "/api/admin/campaigns") { Content = content })
                {
                    if (input.Door == Door.AdminWithKey)
                    {
                        request.Headers.Add("X-Api-Key", AdminClient.Key);
                    }

                    return await bot.Host.Client.SendAsync(request);
                }
        }
    }

    private sealed record GeneratedInput(Door Door, byte[] Body, string? Query, string Description);

    /// <summary>What ASP.NET Core logs when an exception escapes a request: nothing should.</summary>
    private sealed class UnhandledExceptionLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Unhandled { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(UnhandledExceptionLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // ASP.NET Core's unhandled request errors, and a turn behind the webhook's 200 that could
                // neither run nor be set aside (the queue's last resort).
                if (logLevel >= LogLevel.Error
                    && (category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || category == typeof(ConversationBot.Bot.Messenger.Turns.MessengerTurnQueue).FullName))
                {
                    log.Unhandled.Enqueue($"{category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
