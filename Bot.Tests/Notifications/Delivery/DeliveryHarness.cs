using ConversationBot.Notifications.Activity;
using ConversationBot.Notifications.Timing;
using ConversationBot.Notifications.Languages;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Bot.Tests.Storage;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Notifications.Delivery;

/// <summary>The campaign runner on in-memory stores, a scripted sender and a fake clock.</summary>
public sealed class DeliveryHarness
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public DeliveryHarness(int pageSize = 10, PlatformProfile? profile = null)
    {
        Profile = profile ?? PlatformProfile.Current;
        Options = new DeliveryOptions { PageSize = pageSize, MaxParallelSends = 4, MaxAttempts = 3, MaxRetryWait = TimeSpan.FromSeconds(30), LeaseDuration = TimeSpan.FromMinutes(5), ItemLeaseDuration = TimeSpan.FromMinutes(5) };
    }

    private ISubscriptionStore? _shared;

    public TimerAwareClock Clock { get; } = new(Monday);

    public InMemoryCampaignStore Campaigns { get; } = new();

    public InMemoryDeliveryStore Deliveries { get; } = new();

    public InMemoryCampaignWorkStore Work { get; } = new();

    public InMemorySubscriptionStore Subscriptions { get; } = new();

    public InMemoryPageStatusStore Pages { get; } = new();

    public InMemoryMessagingWindowStore Windows { get; } = new();

    public ScriptedSender Sender { get; } = new();

    /// <summary>A real sender instead of the scripted one (e.g. Marketing Messages against the local stand-in).</summary>
    public INotificationSender? SenderOverride { get; set; }

    public RecordingObserver Observer { get; } = new();

    /// <summary>What the runner counted per topic and day (the console's overview).</summary>
    public InMemoryTopicActivityStore Activity { get; } = new();

    public PlatformProfile Profile { get; }

    /// <summary>The products the runners send through; unset: Recurring Notifications for a business in DE, as before Marketing Messages.</summary>
    public MessengerReach? Reach { get; set; }

    public MessengerPage Page { get; } = new(null);

    public DeliveryOptions Options { get; }

    /// <summary>Quiet hours 21:00 to 08:00 as configured by default; subscribers without a zone are in UTC.</summary>
    public RecipientTiming Timing { get; set; } = new(QuietHours.Default, TimeZoneInfo.Utc);

    /// <summary>
    /// The subscriptions as every runner of this harness sees them: one gate for all, so that two
    /// runners at once (two instances, two campaigns) meet at an atomic check-then-write, as they do
    /// at a real store. (A gate per runner let both save the same version, and a customer got two messages.)
    /// </summary>
    public ISubscriptionStore SharedSubscriptions => _shared ??= new SerializedSubscriptionStore(Subscriptions);

    public CampaignRunner Runner(ISubscriptionStore? subscriptions = null, ICampaignWorkStore? work = null)
    {
        var store = subscriptions ?? SharedSubscriptions;
        var pageWork = new CampaignPageWork(
            Deliveries,
            store,
            Pages,
            Page,
            Windows,
            TestTopics.Catalog,
            new EligibilityPolicy(Reach ?? new MessengerReach(Profile, "DE", marketingMessagesConfigured: false)),
            new PlatformErrorClassifier(new PlatformErrorOptions(), Profile),
            SenderOverride ?? Sender,
            Options,
            Clock,
            Observer,
            new SubscriberLanguages(["en", "de"], "en"),
            Timing);
        return new CampaignRunner(Campaigns, work ?? Work, pageWork, store, Pages, Page, Options, Clock, Observer, new TopicActivity(Activity, Clock));
    }

    public async Task<List<Subscription>> MessengerSubscribersAsync(int count, string topicId = "weekly-deals", string? timeZone = "Europe/Berlin")
    {
        var created = new List<Subscription>();
        for (var i = 1; i <= count; i++)
        {
            var subscription = Subscription.OptInOnMessenger(
                topicId, null, $"psid-{i:D4}", $"token-{i:D4}-{topicId}", timeZone, null, null, Profile.Name, SubscriptionOrigin.RequestedByUs, Monday.AddDays(-30));
            Assert.True(await Subscriptions.TrySaveAsync(subscription, CancellationToken.None));
            created.Add(subscription);
        }

        return created;
    }

    public async Task<Campaign> CampaignAsync(string id, string text, string topicId = "weekly-deals", DateTimeOffset? sendAt = null, DateTimeOffset? endAt = null)
    {
        var campaign = Campaign.Create(id, topicId, CampaignContent.TextOnly(text), sendAt, endAt, Clock.GetUtcNow());
        Assert.True(await Campaigns.TryCreateAsync(campaign, CancellationToken.None));
        return campaign;
    }

    public async Task<Campaign> StoredAsync(string campaignId) => (await Campaigns.FindAsync(campaignId, CancellationToken.None))!;

    public Task<Subscription?> SubscriptionAsync(string customerId, string topicId = "weekly-deals") =>
        Subscriptions.FindAsync(Subscription.IdFor("messenger", customerId, topicId, null), CancellationToken.None);

    public IReadOnlyList<DeliveryRecord> RecordsOf(string campaignId) => [.. Deliveries.All.Where(r => r.CampaignId == campaignId)];

    /// <summary>
    /// Runs while moving the fake clock to each timer the runner waits on (a retry's wait), as soon
    /// as it waits: the runner sees time pass exactly as long as it asked to wait, however busy the machine.
    /// </summary>
    public async Task<CampaignRunOutcome> RunAdvancingClockAsync(CampaignRunner runner, string campaignId, string owner, CancellationToken stopping = default)
    {
        var run = Task.Run(() => runner.RunAsync(campaignId, owner, stopping));
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!run.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            // Only the retry waits (at most MaxRetryWait): the item lease's renewals every 100 s are left alone.
            if (!Clock.AdvanceToNextTimer(Options.MaxRetryWait))
            {
                await Task.Delay(1, CancellationToken.None);
            }
        }

        return await run;
    }
}
