using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>
/// Without Bot Framework authentication the caller names the service URL, so the bot sends only to
/// loopback and to Bot:AllowedServiceUrls: any other activity is refused with 403 before a turn runs,
/// and a stored reference to another address is never sent to. Every request the host makes is seen
/// by a handler in the test (<see cref="OutboundRequests"/>), and none to a foreign address leaves it.
/// </summary>
public sealed class AnonymousServiceUrlTests : EmulatorTest
{
    private const string CustomerWords = "my card number is 4111 1111 1111 1111";

    private readonly OutboundRequests _outbound = new();
    private readonly RecordedLog _log = new();

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://169.254.169.254/metadata/identity/oauth2/token")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://0.0.0.0:3978/")]
    [InlineData("http://127.0.0.1@169.254.169.254/")]
    public async Task An_activity_for_a_foreign_service_url_gets_403_runs_no_turn_and_sends_nothing(string serviceUrl)
    {
        await using var bot = Start();

        using var response = await PostAsync(bot, serviceUrl);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Bot:AllowedServiceUrls", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(bot.Services.GetRequiredService<RecordingBot>().Received);
        Assert.Empty(_outbound.All);
        var logged = Assert.Single(_log.At(LogLevel.Warning), m => m.Contains("service URL", StringComparison.Ordinal) && m.Contains("403", StringComparison.Ordinal));
        Assert.Contains(new Uri(serviceUrl).GetLeftPart(UriPartial.Authority), logged, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains(CustomerWords, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_loopback_service_url_runs_the_turn_and_the_reply_reaches_the_channel()
    {
        await using var bot = Start();

        using var response = await PostAsync(bot, Channel.ServiceUrl.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Services.GetRequiredService<RecordingBot>().Received);
        Assert.NotEmpty(Channel.All);
        Assert.Empty(_outbound.NotLoopback);
    }

    [Fact]
    public async Task A_service_url_in_the_allowed_list_runs_the_turn_and_is_replied_to()
    {
        await using var bot = Start(new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = "https://channel.example.test/emea/" });

        using var response = await PostAsync(bot, "https://channel.example.test/emea/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Services.GetRequiredService<RecordingBot>().Received);
        // Answered by the test's handler: the request never left the machine.
        Assert.Contains(_outbound.NotLoopback, uri => uri.Host == "channel.example.test" && uri.AbsolutePath.StartsWith("/emea/v3/conversations/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stored_reference_to_a_foreign_service_url_is_refused_and_recorded_as_failed_with_the_reason()
    {
        await using var bot = Start(AdminClient.Settings());
        var store = bot.Services.GetRequiredService<ISubscriptionStore>();
        var optedIn = bot.Now().AddDays(-3);
        Assert.True(await store.TrySaveAsync(OrderUpdates("customer-metadata", "http://169.254.169.254/", optedIn), CancellationToken.None));
        Assert.True(await store.TrySaveAsync(OrderUpdates("customer-loopback", Channel.ServiceUrl.ToString(), optedIn), CancellationToken.None));
        var admin = new AdminClient(bot);

        var campaign = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "order-updates", text = "Your order has shipped." }));

        var records = await CampaignChecks.AllDeliveriesAsync(bot, campaign["id"]!.GetValue<string>());
        var refused = Assert.Single(records, r => r.CustomerId == "customer-metadata");
        Assert.Equal(DeliveryState.Failed, refused.State);
        Assert.Contains("http://169.254.169.254", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowedServiceUrls", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, Assert.Single(records, r => r.CustomerId == "customer-loopback").State);
        Assert.Equal("Your order has shipped.", Assert.Single(Channel.All).Activity.Text);
        Assert.Empty(_outbound.NotLoopback);
    }

    private BotHost Start(IDictionary<string, string?>? settings = null) =>
        BotHost.Start(Database.FilePath, settings, services =>
        {
            RecordingBot.Replace(services);
            _outbound.AddTo(services);
            services.AddSingleton<ILoggerProvider>(_log);
        });

    private static async Task<HttpResponseMessage> PostAsync(BotHost bot, string serviceUrl)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "a1",
            ["text"] = CustomerWords,
            ["channelId"] = "emulator",
            ["conversation"] = new JsonObject { ["id"] = $"{Guid.NewGuid()}|livechat" },
            ["from"] = new JsonObject { ["id"] = "u1" },
            ["recipient"] = new JsonObject { ["id"] = "b1" },
            ["serviceUrl"] = serviceUrl,
            ["locale"] = "en-US",
        };
        return await bot.Client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    private static Subscription OrderUpdates(string customerId, string serviceUrl, DateTimeOffset at)
    {
        var reference = new ConversationReference
        {
            ChannelId = "emulator",
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(id: $"conversation-of-{customerId}"),
            User = new ChannelAccount(customerId),
            Bot = new ChannelAccount("bot"),
        };
        return Subscription.OptInWithConversationReference(
            "order-updates", "Updates on your orders", "emulator", customerId, JsonConvert.SerializeObject(reference), "Europe/Zurich", null, PlatformProfile.CurrentName, at);
    }
}
