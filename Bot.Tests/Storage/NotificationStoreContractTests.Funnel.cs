using ConversationBot.Notifications.Funnel;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>The funnel's counters and attributions (docs/funnel.md), the same in every back end.</summary>
public abstract partial class NotificationStoreContractTests
{
    [Fact]
    public async Task The_funnel_sums_each_entrys_stages_over_the_UTC_days_asked_for_and_nothing_else()
    {
        var store = CreateFunnelStore();
        var poster = "topic_weekly-deals__src_poster";
        var comment = "topic_weekly-deals__src_comment-deals-en";
        var day = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

        await store.IncrementAsync(poster, FunnelStage.Entered, day.AddHours(1), None);
        await store.IncrementAsync(poster, FunnelStage.Entered, day.AddHours(23).AddMinutes(59), None);
        await store.IncrementAsync(poster, FunnelStage.Conversation, day.AddHours(2), None);
        await store.IncrementAsync(poster, FunnelStage.OfferShown, day.AddDays(1), None);
        await store.IncrementAsync(poster, FunnelStage.OptIn, day.AddDays(1), None);
        await store.IncrementAsync(poster, FunnelStage.Stop, day.AddDays(2), None);
        await store.IncrementAsync(comment, FunnelStage.Entered, day.AddDays(-1), None);
        // 00:30 at UTC+1 is the day before in UTC.
        await store.IncrementAsync(comment, FunnelStage.Entered, new DateTimeOffset(2026, 11, 25, 0, 30, 0, TimeSpan.FromHours(1)), None);

        var all = await store.ReadAsync(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 27), None);
        Assert.Equal(
            [new FunnelCounts(poster, 2, 1, 1, 1, 1), new FunnelCounts(comment, 2, 0, 0, 0, 0)],
            all.OrderByDescending(c => c.Entry, StringComparer.Ordinal));

        var firstDay = await store.ReadAsync(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25), None);
        Assert.Equal([new FunnelCounts(poster, 2, 1, 0, 0, 0)], firstDay);
        Assert.Empty(await store.ReadAsync(new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 31), None));
    }

    [Fact]
    public async Task Many_counts_of_one_entry_at_once_are_all_kept()
    {
        var store = CreateFunnelStore();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.IncrementAsync("get_started__src_receipt", FunnelStage.Entered, At, None)));

        Assert.Equal(20, Assert.Single(await store.ReadAsync(DateOnly.FromDateTime(At.UtcDateTime), DateOnly.FromDateTime(At.UtcDateTime), None)).Entered);
    }

    [Fact]
    public async Task A_customers_attribution_and_each_topics_are_kept_apart_and_replaced_on_save()
    {
        var store = CreateFunnelStore();
        Assert.Null(await store.FindAsync("messenger", "psid-1", null, None));

        await store.SaveAsync("messenger", "psid-1", null, new FunnelAttribution("topic_weekly-deals__src_poster", At), None);
        await store.SaveAsync("messenger", "psid-1", "weekly-deals", new FunnelAttribution("topic_weekly-deals__src_poster", At.AddHours(1)), None);
        await store.SaveAsync("messenger", "psid-1", null, new FunnelAttribution("dialog_returns__src_email", At.AddDays(1)), None);

        Assert.Equal(new FunnelAttribution("dialog_returns__src_email", At.AddDays(1)), await store.FindAsync("messenger", "psid-1", null, None));
        Assert.Equal(new FunnelAttribution("topic_weekly-deals__src_poster", At.AddHours(1)), await store.FindAsync("messenger", "psid-1", "weekly-deals", None));
        Assert.Null(await store.FindAsync("messenger", "psid-1", "order-updates", None));
        Assert.Null(await store.FindAsync("webchat", "psid-1", null, None));
        Assert.Null(await store.FindAsync("messenger", "psid-2", null, None));
    }
}
