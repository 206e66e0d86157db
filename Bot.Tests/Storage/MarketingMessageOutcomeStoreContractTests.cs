using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// What every back end of the Marketing Messages outcome port must do: the stored status moves only forward
/// whatever order reports come in, a repeat changes nothing, what one report knows is kept by the next,
/// concurrent reports of one message lose nothing, counts are per Meta campaign, and the campaign pairs.
/// </summary>
public abstract class MarketingMessageOutcomeStoreContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IMarketingMessageOutcomeStore CreateStore();

    [Fact]
    public async Task A_late_delivery_after_a_read_and_a_repeated_read_leave_the_message_read_with_its_tracking_id_and_our_campaign()
    {
        var store = CreateStore();
        Assert.Equal(MarketingMessageOutcomeReason.First, (await store.ApplyAsync(Report("t1", MarketingMessageStatus.Read, 3, tracking: "tr-1"), None)).Reason);
        Assert.Equal(MarketingMessageOutcomeReason.Repeated, (await store.ApplyAsync(Report("t1", MarketingMessageStatus.Read, 3, tracking: "tr-1"), None)).Reason);
        var late = await store.ApplyAsync(Report("t1", MarketingMessageStatus.Delivered, 2, tracking: "tr-1"), None);
        Assert.Equal((MarketingMessageOutcomeReason.BehindCurrent, false), (late.Reason, late.Changed));
        var accepted = await store.ApplyAsync(Report("t1", MarketingMessageStatus.Accepted, 1, tracking: "tr-1", campaign: "c1"), None);

        Assert.Equal((MarketingMessageStatus.Read, At.AddSeconds(3), "tr-1", "c1"), (accepted.Outcome.Status, accepted.Outcome.At, accepted.Outcome.TrackingId, accepted.Outcome.CampaignId));
        Assert.Equal(new MarketingMessageOutcomeCounts(1, 1, 1, 1, 0, 0), await store.CountAsync("meta-1", None));
    }

    [Fact]
    public async Task A_failure_replaces_only_accepted_or_sent_and_a_later_delivery_outranks_it()
    {
        var store = CreateStore();
        await store.ApplyAsync(Report("sent-then-failed", MarketingMessageStatus.Sent, 1), None);
        await store.ApplyAsync(Report("sent-then-failed", MarketingMessageStatus.Failed, 2, failure: "could not be delivered"), None);
        await store.ApplyAsync(Report("delivered-then-failed", MarketingMessageStatus.Delivered, 1), None);
        await store.ApplyAsync(Report("delivered-then-failed", MarketingMessageStatus.Failed, 2), None);
        await store.ApplyAsync(Report("failed-then-clicked", MarketingMessageStatus.Failed, 1), None);
        var clicked = await store.ApplyAsync(Report("failed-then-clicked", MarketingMessageStatus.Clicked, 2), None);

        Assert.Equal((MarketingMessageStatus.Clicked, (string?)null), (clicked.Outcome.Status, clicked.Outcome.FailureMessage));
        Assert.Equal(new MarketingMessageOutcomeCounts(3, 2, 2, 1, 1, 1), await store.CountAsync("meta-1", None));
    }

    [Fact]
    public async Task Concurrent_reports_of_one_message_end_at_the_highest_and_counts_stay_per_Meta_campaign()
    {
        var store = CreateStore();
        var statuses = Enum.GetValues<MarketingMessageStatus>();
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => store.ApplyAsync(Report("busy", statuses[i % statuses.Length], i), None)));
        await store.ApplyAsync(Report("busy", MarketingMessageStatus.Delivered, 99, meta: "meta-2"), None);

        Assert.Equal(new MarketingMessageOutcomeCounts(1, 1, 1, 1, 1, 0), await store.CountAsync("meta-1", None));
        Assert.Equal(new MarketingMessageOutcomeCounts(1, 1, 1, 0, 0, 0), await store.CountAsync("meta-2", None));
        Assert.Equal(MarketingMessageOutcomeCounts.None, await store.CountAsync("meta-unknown", None));
    }

    [Fact]
    public async Task The_Meta_campaign_of_our_campaign_is_remembered()
    {
        var store = CreateStore();
        Assert.Null(await store.FindMetaCampaignAsync("c1", None));
        await store.RememberCampaignAsync("c1", "120212345678900000", None);
        await store.RememberCampaignAsync("c1", "120212345678900000", None);
        await store.RememberCampaignAsync("c/2?", "120212345678900001", None);

        Assert.Equal("120212345678900000", await store.FindMetaCampaignAsync("c1", None));
        Assert.Equal("120212345678900001", await store.FindMetaCampaignAsync("c/2?", None));
    }

    private static MarketingMessageOutcome Report(
        string token, MarketingMessageStatus status, int second, string? tracking = null, string? campaign = null, string? failure = null, string meta = "meta-1") =>
        new(meta, "key-" + token, status, At.AddSeconds(second), tracking, campaign, failure);
}
