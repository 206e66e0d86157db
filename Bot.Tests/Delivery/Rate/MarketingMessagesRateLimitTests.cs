using System.Net;
using System.Text;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Delivery.Rate;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Delivery.Rate;

/// <summary>
/// A Marketing Messages send refused for the send rate (2300078, in <c>code</c> or in <c>error_subcode</c>) or by
/// Graph's throttling slows the Page's one schedule (<see cref="FleetSendRate"/>, shared by every instance through its
/// <see cref="ISendSlotStore"/>), so the next send of any instance, whichever product, waits the time Meta named; a refusal for another reason leaves the schedule alone. The real
/// sender and client against a Graph that answers the error, on a fake clock.
/// </summary>
public sealed class MarketingMessagesRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly MessengerPage Page = new("104567890123456");

    public static TheoryData<string, string, double> Refusals => new()
    {
        { "2300078 in error_subcode, 2 s", """{"error":{"message":"Send rate limit reached","type":"OAuthException","code":100,"error_subcode":2300078,"error_data":{"remaining_seconds":2},"fbtrace_id":"t"}}""", 2 },
        { "2300078 in code, 3 s as a JSON string", """{"error":{"message":"Send rate limit reached","type":"OAuthException","code":2300078,"error_data":"{\"remaining_seconds\":\"3\"}","fbtrace_id":"t"}}""", 3 },
        { "Graph's throttling (613), no wait named", """{"error":{"message":"Calls to this api have exceeded the rate limit.","type":"OAuthException","code":613,"fbtrace_id":"t"}}""", 1 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_rate_limit_on_a_Marketing_Messages_send_holds_back_the_other_instances_sends_for_the_page(string refusal, string body, double seconds)
    {
        _ = refusal;
        var clock = new FakeTimeProvider(Start);
        var slots = new InProcessSendSlotStore();
        using var mine = Rate(slots, clock);
        var sender = Sender(body, clock, mine);

        var refused = await Assert.ThrowsAnyAsync<PlatformRefusedException>(() => sender.SendAsync(Subscriber(), new CampaignContent("Deals", null, []), "c1", CancellationToken.None));
        Assert.Equal(MessengerProduct.MarketingMessages, refused.Error.Product);

        // The next slot any instance gets from the Page's schedule is after the wait.
        Assert.Equal(Start + TimeSpan.FromSeconds(seconds), await NextSlotAsync(slots, clock));
    }

    [Fact]
    public async Task A_refusal_for_another_reason_leaves_the_pages_schedule_alone()
    {
        var clock = new FakeTimeProvider(Start);
        var slots = new InProcessSendSlotStore();
        using var mine = Rate(slots, clock);
        var tooSoon = """{"error":{"message":"Minimum delay between messages not reached","type":"OAuthException","code":2300035,"fbtrace_id":"t"}}""";
        var sender = Sender(tooSoon, clock, mine);

        var refused = await Assert.ThrowsAnyAsync<PlatformRefusedException>(() => sender.SendAsync(Subscriber(), new CampaignContent("Deals", null, []), "c1", CancellationToken.None));
        Assert.Equal(2300035, MarketingMessagesErrors.NumberOf(refused.Error));

        // The next slot comes right after the first instance's batch (a tenth of a second's worth), as with no refusal.
        Assert.InRange(await NextSlotAsync(slots, clock), Start, Start + TimeSpan.FromMilliseconds(100));
    }

    private static async Task<DateTimeOffset> NextSlotAsync(ISendSlotStore slots, TimeProvider clock) =>
        (await slots.TakeAsync(Page.Key, 1, FleetSendRate.Scheduled(50), clock.GetUtcNow(), CancellationToken.None)).First;

    private static MarketingMessagesNotificationSender Sender(string sendAnswer, TimeProvider clock, FleetSendRate rate)
    {
        var options = Options.Create(new MessengerOptions
        {
            PageId = "104567890123456",
            MarketingMessages = new MarketingMessagesOptions
            {
                AdAccountId = "act_1234567890",
                AccessToken = "mm-token",
                MaxCampaignBudget = 5000,
                GraphBaseUrl = new Uri("http://127.0.0.1:9/graph"),
            },
        });
        var client = new MarketingMessagesClient(new Factory(new RefusingGraph(sendAnswer)), options);
        var outcomes = new InMemoryMarketingMessageOutcomeStore();
        return new MarketingMessagesNotificationSender(
            client, new MetaCampaigns(client, outcomes, new InMemoryCampaignStore(), options), new MarketingMessageOutcomes(outcomes, NullLogger<MarketingMessageOutcomes>.Instance), clock, options, rate);
    }

    private static Subscription Subscriber() => Subscription.OptInOnMessenger(
        "weekly-deals", null, "psid-us-1", "us-token-1", "America/New_York", null, null, "Current", SubscriptionOrigin.RequestedByUs, Start.AddDays(-3));

    private static FleetSendRate Rate(ISendSlotStore store, TimeProvider clock) =>
        new(store, Page, Options.Create(new DeliveryHostOptions { MessengerSendsPerSecond = 50 }), clock);

    /// <summary>Meta with our campaign's Meta campaign already made, answering every send with <paramref name="sendAnswer"/>.</summary>
    private sealed class RefusingGraph(string sendAnswer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = request.RequestUri!.AbsolutePath.EndsWith("/ads", StringComparison.Ordinal)
                ? (HttpStatusCode.OK, $$$"""{"data":[{"id":"120212345678900000","campaign":{"name":"{{{MetaCampaigns.NameFor("c1")}}}"}}]}""")
                : (HttpStatusCode.BadRequest, sendAnswer);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
