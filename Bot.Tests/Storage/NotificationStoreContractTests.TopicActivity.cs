using ConversationBot.Notifications.Activity;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>The topics' counts per UTC day (the console's overview), the same in every back end.</summary>
public abstract partial class NotificationStoreContractTests
{
    [Fact]
    public async Task A_topics_day_adds_up_every_count_and_a_range_reads_only_its_days()
    {
        var store = CreateTopicActivityStore();
        var day = new DateOnly(2026, 11, 25);

        await store.AddAsync("weekly-deals", day, TopicDayCounts.Offer, None);
        await store.AddAsync("weekly-deals", day, TopicDayCounts.Offer, None);
        await store.AddAsync("weekly-deals", day, TopicDayCounts.Acceptance, None);
        await store.AddAsync("weekly-deals", day, TopicDayCounts.Deliveries(40, 3, 1), None);
        await store.AddAsync("weekly-deals", day.AddDays(1), TopicDayCounts.Stop, None);
        await store.AddAsync("order-updates", day, TopicDayCounts.Decline, None);
        await store.AddAsync("order-updates", day.AddDays(10), TopicDayCounts.Offer, None);

        Assert.Equal(
            [
                new TopicDay("order-updates", day, new TopicDayCounts(0, 0, 1, 0, 0, 0, 0)),
                new TopicDay("weekly-deals", day, new TopicDayCounts(2, 1, 0, 0, 40, 3, 1)),
                new TopicDay("weekly-deals", day.AddDays(1), new TopicDayCounts(0, 0, 0, 1, 0, 0, 0)),
            ],
            await store.ReadAsync(day, day.AddDays(2), None));
        Assert.Empty(await store.ReadAsync(day.AddDays(2), day.AddDays(9), None));
    }

    [Fact]
    public async Task Many_counts_of_one_topic_and_day_at_once_are_all_kept()
    {
        var store = CreateTopicActivityStore();
        var day = new DateOnly(2026, 11, 25);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.AddAsync("weekly-deals", day, TopicDayCounts.Deliveries(5, 1, 0), None)));

        Assert.Equal(new TopicDayCounts(0, 0, 0, 0, 100, 20, 0), Assert.Single(await store.ReadAsync(day, day, None)).Counts);
    }
}
