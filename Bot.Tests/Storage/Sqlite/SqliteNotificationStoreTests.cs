using ConversationBot.Bot.Tests.Support;
using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

/// <summary>What only the file-backed notification stores must show: restarts, several processes on one file, keyset paging.</summary>
public sealed class SqliteNotificationStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SqliteTestDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task What_every_notification_store_wrote_survives_a_restart()
    {
        var before = _file.Open();
        var subscription = OnMessenger("c1", "token-1");
        await new SqliteSubscriptionStore(before).TrySaveAsync(subscription, None);
        await new SqliteOfferHistoryStore(before).RecordRequestAsync("messenger", "c1", new OptInRequestRecord("weekly-deals", "Weekly deals", At), None);
        await new SqliteOfferHistoryStore(before).RecordDeclineAsync("messenger", "c1", new OptInDeclineRecord("weekly-deals", At.AddHours(1)), None);
        await new SqliteOfferHistoryStore(before).BlockOffersUntilAsync("messenger", "c1", At.AddDays(1), None);
        await new SqliteMessagingWindowStore(before).SaveAsync(MessagingWindow.Restore("messenger", "c1", At), None);
        await new SqlitePageStatusStore(before).PauseSendsUntilAsync("page-1", At.AddHours(6), None);
        await new SqliteStopRateCounterStore(before).RecordStopAsync("weekly-deals", At, None);
        before.Dispose();
        SqliteConnection.ClearAllPools();

        var after = _file.Open();

        SnapshotAssertions.SameSubscription(subscription.ToSnapshot() with { Version = 1 }, (await new SqliteSubscriptionStore(after).FindByTokenAsync("token-1", None))!.ToSnapshot());
        var history = await new SqliteOfferHistoryStore(after).GetAsync("messenger", "c1", None);
        Assert.Equal((1, 1, At.AddDays(1)), (history.Requests.Count, history.Declines.Count, history.OffersBlockedUntil));
        Assert.Equal(At, (await new SqliteMessagingWindowStore(after).GetAsync("messenger", "c1", None)).LastCustomerMessageAt);
        Assert.Equal(new PageStatus(null, At.AddHours(6)), await new SqlitePageStatusStore(after).GetAsync("page-1", None));
        Assert.Equal(new StopRateCounts(0, 1), await new SqliteStopRateCounterStore(after).CountAsync("weekly-deals", At, At, None));
    }

    [Fact]
    public async Task Stop_rate_events_stored_one_row_each_by_the_version_before_are_counted_in_their_hours_after_the_upgrade()
    {
        var before = _file.Open(migrations: SqliteTestDatabase.Migrations.Where(m => m != SqliteStopRateCounterStore.HourlyCounts));
        await using (var write = await before.BeginWriteAsync(None))
        {
            // As the version before wrote them: a row per event with its instant in Unix milliseconds.
            foreach (var (topic, isStop, at) in new[]
            {
                ("weekly-deals", 0, At), ("weekly-deals", 0, At.AddMinutes(29)), ("weekly-deals", 1, At.AddMinutes(29).AddSeconds(44)),
                ("weekly-deals", 1, At.AddMinutes(30)), ("weekly-deals", 0, At.AddDays(-8)), ("order-updates", 1, At),
            })
            {
                await using var insert = write.CreateCommand("INSERT INTO stop_rate_events (topic_id, is_stop, at) VALUES ($topic, $isStop, $at)");
                insert.Parameters.AddWithValue("$topic", topic);
                insert.Parameters.AddWithValue("$isStop", isStop);
                insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(None);
            }

            await write.CommitAsync(None);
        }

        before.Dispose();
        SqliteConnection.ClearAllPools();

        var after = _file.Open();
        var store = new SqliteStopRateCounterStore(after);
        await store.RecordOptInAsync("weekly-deals", At.AddMinutes(1), None);

        // At is 09:30:15 UTC: three events in its hour, one at 10:00:15, one eight days before.
        Assert.Equal(new StopRateCounts(3, 1), await store.CountAsync("weekly-deals", At, At, None));
        Assert.Equal(new StopRateCounts(3, 2), await store.CountAsync("weekly-deals", At.AddDays(-7), At.AddHours(1), None));
        Assert.Equal(new StopRateCounts(4, 2), await store.CountAsync("weekly-deals", At.AddDays(-9), At.AddHours(1), None));
        Assert.Equal(new StopRateCounts(0, 1), await store.CountAsync("order-updates", At, At, None));
    }

    [Fact]
    public async Task Two_processes_on_one_file_see_each_others_writes()
    {
        var first = _file.Open();
        var second = _file.Open();

        await new SqliteSubscriptionStore(first).TrySaveAsync(OnMessenger("c1", "token-1"), None);
        await new SqliteMessagingWindowStore(second).SaveAsync(MessagingWindow.Restore("messenger", "c1", At), None);
        await new SqliteStopRateCounterStore(first).RecordOptInAsync("weekly-deals", At, None);
        await new SqliteStopRateCounterStore(second).RecordOptInAsync("weekly-deals", At, None);
        await new SqlitePageStatusStore(first).BarOptInsUntilAsync("page-1", At.AddDays(1), None);
        await new SqlitePageStatusStore(second).PauseSendsUntilAsync("page-1", At.AddHours(6), None);
        await new SqliteOfferHistoryStore(second).RecordDeclineAsync("messenger", "c1", new OptInDeclineRecord("weekly-deals", At), None);

        Assert.NotNull(await new SqliteSubscriptionStore(second).FindByTokenAsync("token-1", None));
        Assert.Equal(At, (await new SqliteMessagingWindowStore(first).GetAsync("messenger", "c1", None)).LastCustomerMessageAt);
        Assert.Equal(new StopRateCounts(2, 0), await new SqliteStopRateCounterStore(first).CountAsync("weekly-deals", At, At, None));
        Assert.Equal(new PageStatus(At.AddDays(1), At.AddHours(6)), await new SqlitePageStatusStore(first).GetAsync("page-1", None));
        Assert.Single((await new SqliteOfferHistoryStore(first).GetAsync("messenger", "c1", None)).Declines);
    }

    [Fact]
    public async Task Of_parallel_saves_from_two_processes_with_the_same_version_exactly_one_wins()
    {
        var stores = new[] { new SqliteSubscriptionStore(_file.Open()), new SqliteSubscriptionStore(_file.Open()) };
        var subscription = OnMessenger("c1", "token-1");
        await stores[0].TrySaveAsync(subscription, None);
        var loaded = (await stores[1].FindAsync(subscription.Id, None))!.ToSnapshot();

        var saves = Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            var copy = Subscription.Restore(loaded);
            copy.RecordSent(At.AddMinutes(i));
            return await stores[i % 2].TrySaveAsync(copy, None);
        }));

        Assert.Single(await Task.WhenAll(saves), saved => saved);
        Assert.Equal(2, (await stores[0].FindAsync(subscription.Id, None))!.Version);
    }

    /// <remarks>
    /// The in-memory reference pages by offset and would skip one here; the port promises a stable
    /// order, which the keyset continuation keeps while subscribers stop and opt in mid fan-out.
    /// </remarks>
    [Fact]
    public async Task Subscribers_who_stop_or_opt_in_between_pages_make_no_one_else_skipped_or_listed_twice()
    {
        var store = new SqliteSubscriptionStore(_file.Open());
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var s = OnMessenger($"c{i:D2}", $"t{i}");
            await store.TrySaveAsync(s, None);
            ids.Add(s.Id);
        }

        var first = await store.ListActiveByTopicAsync("weekly-deals", null, 10, None);
        var stopped = (await store.FindAsync(first.Subscriptions[2].Id, None))!;
        stopped.Stop(At.AddHours(1));
        await store.TrySaveAsync(stopped, None);
        await store.TrySaveAsync(OnMessenger("a-sorts-first", "new-1"), None);
        var listed = first.Subscriptions.Select(s => s.Id).ToList();
        for (var continuation = first.Continuation; continuation is not null;)
        {
            var page = await store.ListActiveByTopicAsync("weekly-deals", continuation, 10, None);
            listed.AddRange(page.Subscriptions.Select(s => s.Id));
            continuation = page.Continuation;
        }

        Assert.Equal(ids, listed);
    }

    [Fact]
    public async Task A_token_held_by_another_subscription_is_refused_not_reported_as_a_conflict()
    {
        var store = new SqliteSubscriptionStore(_file.Open());
        await store.TrySaveAsync(OnMessenger("c1", "shared-token"), None);

        await Assert.ThrowsAsync<SqliteException>(() => store.TrySaveAsync(OnMessenger("c2", "shared-token"), None));

        Assert.Equal("messenger|c1|weekly-deals", (await store.FindByTokenAsync("shared-token", None))!.Id);
    }

    private static Subscription OnMessenger(string customerId, string token) => Subscription.OptInOnMessenger(
        "weekly-deals", "Weekly deals from our shop", customerId, token, "Europe/Berlin", Frequency.Weekly, At.AddMonths(6), "Current", SubscriptionOrigin.RequestedByUs, At);
}
