using System.Text.Json.Nodes;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Delivery.Rate;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;
using ConversationBot.Bot.Tests.Notifications.Delivery;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Products.Outcomes;
using Microsoft.Extensions.Logging.Abstractions;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Timing;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// A campaign through the real Marketing Messages sender (Bot/Delivery/MarketingMessagesNotificationSender.cs,
/// Bot/Messenger/MarketingMessages/MetaCampaigns.cs) against the local stand-in on the harness's fake clock:
/// one Meta campaign, found again after a restart; the warm-up waited out; a budget that runs out after
/// 700 and a raised one that finishes the rest; nobody twice; tracking ids kept.
/// </summary>
public sealed class MarketingMessagesCampaignTests
{
    private const string Token = "mm-access-token";

    private sealed class Setup
    {
        public Setup(long maxBudget, int pageSize = 100)
        {
            Harness = new DeliveryHarness(pageSize)
            {
                Reach = new MessengerReach(PlatformProfile.Current, "US", marketingMessagesConfigured: true),
                Timing = new RecipientTiming(new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0)), TimeZoneInfo.Utc),
            };
            Graph = new LocalMarketingMessagesGraph(new LocalGraphOptions { PricePerDelivered = 1, DuplicateShare = 0 }, Harness.Clock);
            Handler = new LocalGraphHandler(Graph, Token);
            Options = Microsoft.Extensions.Options.Options.Create(new MessengerOptions
            {
                PageId = "104567890123456",
                MarketingMessages = new MarketingMessagesOptions
                {
                    AdAccountId = "act_1234567890",
                    AccessToken = Token,
                    MaxCampaignBudget = maxBudget,
                    GraphBaseUrl = new Uri("http://127.0.0.1:9/graph"),
                },
            });
            Restart();
        }

        public DeliveryHarness Harness { get; }

        public LocalMarketingMessagesGraph Graph { get; }

        public LocalGraphHandler Handler { get; }

        public IOptions<MessengerOptions> Options { get; }

        /// <summary>Outlives a restart, as the database does.</summary>
        public InMemoryMarketingMessageOutcomeStore Outcomes { get; } = new();

        /// <summary>A new process: a new client and a Meta-campaign cache that knows nothing.</summary>
        public void Restart()
        {
            var client = new MarketingMessagesClient(new HandlerFactory(Handler), Options);
            var marketing = new MarketingMessagesNotificationSender(
                client, new MetaCampaigns(client, Outcomes, Harness.Campaigns, Options), new MarketingMessageOutcomes(Outcomes, NullLogger<MarketingMessageOutcomes>.Instance), Harness.Clock, Options,
                new FleetSendRate(new InProcessSendSlotStore(), new MessengerPage("104567890123456"), Microsoft.Extensions.Options.Options.Create(new DeliveryHostOptions { MessengerSendsPerSecond = 0 }), Harness.Clock));
            Harness.SenderOverride = new MarketingOnly(marketing);
        }
    }

    [Fact]
    public async Task The_warm_up_holds_the_campaign_an_hour_then_each_subscriber_is_accepted_once_with_a_tracking_id_through_one_Meta_campaign()
    {
        var s = new Setup(maxBudget: 5000);
        var h = s.Harness;
        await SubscribeAsync(h, 150);
        await h.CampaignAsync("c1", "This week's deals");

        Assert.Equal(CampaignRunOutcome.PutOff, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));
        Assert.Equal(DeliveryHarness.Monday.AddHours(1), (await h.StoredAsync("c1")).ResumeAt);
        Assert.Empty(s.Graph.Accepted);

        h.Clock.SetUtcNow(DeliveryHarness.Monday.AddHours(1));
        Assert.Equal(CampaignRunOutcome.Completed, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));

        Assert.Equal(1, s.Graph.CampaignCount);
        Assert.Equal(150, s.Graph.Accepted.Count);
        Assert.Equal(150, s.Graph.Accepted.Select(a => a.Token).Distinct().Count());
        var records = h.RecordsOf("c1");
        Assert.All(records, r => Assert.Equal((DeliveryState.Sent, (MessengerProduct?)MessengerProduct.MarketingMessages), (r.State, r.Product)));
        Assert.Equal(s.Graph.Accepted.Select(a => a.TrackingId).Order(), records.Select(r => r.TrackingId!).Order());
        Assert.Contains($"POST /act_1234567890/message_campaign", s.Handler.Log);

        // Each acceptance is the first status of the message's outcome, under the Meta campaign remembered for ours.
        var metaCampaign = await s.Outcomes.FindMetaCampaignAsync("c1", CancellationToken.None);
        Assert.Equal(s.Graph.Accepted[0].CampaignId, metaCampaign);
        var outcomes = s.Outcomes.Of(metaCampaign!);
        Assert.Equal(150, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal((MarketingMessageStatus.Accepted, "c1"), (o.Status, o.CampaignId)));
        Assert.Equal(records.Select(r => r.TrackingId!).Order(), outcomes.Select(o => o.TrackingId!).Order());
        Assert.DoesNotContain(outcomes, o => o.TokenKey.StartsWith("us-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_after_Meta_created_the_campaign_finds_it_by_name_and_creates_no_second()
    {
        var s = new Setup(maxBudget: 5000);
        var h = s.Harness;
        await SubscribeAsync(h, 20);
        await h.CampaignAsync("c1", "deals");
        await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"); // created, then held for the warm-up

        s.Restart();
        h.Clock.SetUtcNow(DeliveryHarness.Monday.AddHours(1));
        Assert.Equal(CampaignRunOutcome.Completed, await h.RunAdvancingClockAsync(h.Runner(), "c1", "b"));

        Assert.Equal(1, s.Graph.CampaignCount);
        Assert.Single(s.Handler.Log, l => l.EndsWith("/message_campaign", StringComparison.Ordinal));
        Assert.Equal(20, s.Graph.Accepted.Select(a => a.Token).Distinct().Count());
        Assert.Equal(20, s.Graph.Accepted.Count);
    }

    [Fact]
    public async Task The_budget_runs_out_after_700_the_campaign_is_held_with_300_pending_and_a_raised_budget_finishes_them_with_no_one_twice()
    {
        var s = new Setup(maxBudget: 700);
        var h = s.Harness;
        await SubscribeAsync(h, 1000);
        await h.CampaignAsync("c1", "deals");
        await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"); // warm-up
        h.Clock.SetUtcNow(DeliveryHarness.Monday.AddHours(1));

        Assert.Equal(CampaignRunOutcome.PutOff, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));

        Assert.Equal(700, s.Graph.Accepted.Count);
        var held = await h.StoredAsync("c1");
        Assert.Equal(DeliveryHarness.Monday.AddHours(1) + h.Options.HeldCampaignRecheck, held.ResumeAt);
        Assert.Equal(700, h.RecordsOf("c1").Count(r => r.State == DeliveryState.Sent));
        Assert.DoesNotContain(h.RecordsOf("c1"), r => r.State != DeliveryState.Sent);

        var campaignId = s.Graph.Accepted[0].CampaignId;
        Assert.Equal(200, s.Graph.UpdateCampaign(campaignId, new JsonObject { ["lifetime_budget"] = 1000 }).Status);
        h.Clock.SetUtcNow(held.ResumeAt!.Value);
        Assert.Equal(CampaignRunOutcome.Completed, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));

        Assert.Equal(1000, s.Graph.Accepted.Count);
        Assert.Equal(1000, s.Graph.Accepted.Select(a => a.Token).Distinct().Count());
        Assert.Equal(new DeliveryCounts(1000, 0, 0), (await h.StoredAsync("c1")).Counts);
        Assert.Equal(1, s.Graph.CampaignCount);
    }

    private static async Task SubscribeAsync(DeliveryHarness h, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var subscription = Subscription.OptInOnMessenger(
                "weekly-deals", null, $"us-{i:D4}", $"us-token-{i:D4}", "America/New_York", null, null, PlatformProfile.CurrentName, SubscriptionOrigin.RequestedByUs, DeliveryHarness.Monday.AddDays(-30));
            Assert.True(await h.Subscriptions.TrySaveAsync(subscription, CancellationToken.None));
        }
    }

    /// <summary>The channel sender with only its Marketing Messages part: these subscribers are all routed there.</summary>
    private sealed class MarketingOnly(MarketingMessagesNotificationSender marketing) : INotificationSender
    {
        public bool CanSend(Subscription subscription) => false;

        public bool CanSend(Subscription subscription, MessengerProduct? product) => product == MessengerProduct.MarketingMessages && marketing.CanSend(subscription);

        public Task SendAsync(Subscription subscription, CampaignContent content, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("only Marketing Messages here");

        public Task<SendReceipt> SendAsync(Subscription subscription, CampaignContent content, MessengerProduct? product, string campaignId, CancellationToken cancellationToken) =>
            marketing.SendAsync(subscription, content, campaignId, cancellationToken);
    }

    private sealed class HandlerFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
