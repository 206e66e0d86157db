using ConversationBot.Bot.Tests.Support;
using ConversationBot.Bot.Tests.Notifications.StopRate;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// What every back end of the notification store ports must do. Runs against the in-memory fakes the
/// domain tests use (the reference behaviour) and against each of our back ends, so a store cannot
/// drift from what the domain was tested with.
/// </summary>
public abstract partial class NotificationStoreContractTests
{
    // An offset other than UTC: stores keep instants, and instants compare equal across offsets.
    protected static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, TimeSpan.FromHours(1));

    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract ISubscriptionStore CreateSubscriptionStore();

    protected abstract IOfferHistoryStore CreateOfferHistoryStore();

    protected abstract IMessagingWindowStore CreateMessagingWindowStore();

    protected abstract IPageStatusStore CreatePageStatusStore();

    protected abstract IStopRateCounterStore CreateStopRateCounterStore();

    protected abstract IFunnelStore CreateFunnelStore();

    protected abstract ConversationBot.Notifications.Activity.ITopicActivityStore CreateTopicActivityStore();

    [Fact]
    public async Task A_subscription_never_saved_is_found_by_nothing()
    {
        var store = CreateSubscriptionStore();

        Assert.Null(await store.FindAsync("messenger|nobody|weekly-deals", None));
        Assert.Null(await store.FindByTokenAsync("no-such-token", None));
        Assert.Empty(await store.ListByCustomerAsync("messenger", "nobody", None));
        var page = await store.ListActiveByTopicAsync("weekly-deals", null, 100, None);
        Assert.Empty(page.Subscriptions);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task Every_field_of_a_messenger_subscription_round_trips()
    {
        var store = CreateSubscriptionStore();
        var subscription = Subscriptions.OnMessenger("kunde-ü-日本-😀", token: "tök€n-Ω-1", title: "Wöchentliche Angebote 😀");
        subscription.RecordSent(At.AddDays(1));
        subscription.Reschedule(At.AddDays(3));
        subscription.Retire(At.AddDays(2), "token invalid: 10/2018399 \"quoted\"");

        Assert.True(await store.TrySaveAsync(subscription, None));
        var loaded = await store.FindAsync(subscription.Id, None);

        Assert.NotNull(loaded);
        SnapshotAssertions.SameSubscription(subscription.ToSnapshot() with { Version = 1 }, loaded.ToSnapshot());
        Assert.All(
            [loaded.ExpiresAt, loaded.StatusChangedAt, loaded.LastSentAt, loaded.NextEligibleAt],
            value => Assert.NotNull(value));
        Assert.Equal(SubscriptionStatus.Retired, loaded.Status);
        Assert.Equal(SubscriptionOrigin.Unrequested, loaded.Origin);
        Assert.Equal(Frequency.Weekly, loaded.Frequency);
        Assert.Equal("Asia/Tokyo", loaded.TimeZoneId);
    }

    [Fact]
    public async Task A_product_region_refusal_round_trips_and_a_second_refusal_by_the_other_retires()
    {
        var store = CreateSubscriptionStore();
        var subscription = Subscriptions.OnMessenger("kunde-mm", token: "token-mm");
        Assert.True(subscription.RefuseRegion(MessengerProduct.MarketingMessages, At.AddHours(1)));
        Assert.True(await store.TrySaveAsync(subscription, None));

        var loaded = await store.FindAsync(subscription.Id, None);
        Assert.NotNull(loaded);
        Assert.Equal(MessengerProduct.MarketingMessages, loaded.RegionRefusedBy);
        Assert.Equal(At.AddHours(1), loaded.RegionRefusedAt);

        Assert.False(loaded.RefuseRegion(MessengerProduct.MarketingMessages, At.AddHours(2)));
        Assert.True(loaded.RefuseRegion(MessengerProduct.RecurringNotifications, At.AddHours(3)));
        Assert.True(await store.TrySaveAsync(loaded, None));
        var retired = await store.FindAsync(subscription.Id, None);
        Assert.Equal(SubscriptionStatus.Retired, retired!.Status);
        Assert.Contains("neither", retired.RetirementReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absent_fields_round_trip_as_absent()
    {
        var store = CreateSubscriptionStore();
        var subscription = Subscription.OptInWithConversationReference(
            "order-updates", null, "webchat", "u-1", "{\"conversation\":{\"id\":\"c|1\"},\"serviceUrl\":\"https://x/ü\"}", null, null, "Current", At);

        Assert.True(await store.TrySaveAsync(subscription, None));
        var loaded = await store.FindAsync(subscription.Id, None);

        Assert.NotNull(loaded);
        SnapshotAssertions.SameSubscription(subscription.ToSnapshot() with { Version = 1 }, loaded.ToSnapshot());
        Assert.Null(loaded.Token);
        Assert.Null(loaded.Title);
        Assert.Null(loaded.ExpiresAt);
        Assert.Null(loaded.Frequency);
        Assert.Null(loaded.TimeZoneId);
        Assert.Null(loaded.LastSentAt);
        Assert.Null(await store.FindByTokenAsync(string.Empty, None));
    }

    [Fact]
    public async Task Each_save_stores_the_next_version()
    {
        var store = CreateSubscriptionStore();
        var subscription = Subscriptions.OnMessenger("c1");

        Assert.True(await store.TrySaveAsync(subscription, None));
        var first = await store.FindAsync(subscription.Id, None);
        first!.RecordSent(At.AddHours(1));
        Assert.True(await store.TrySaveAsync(first, None));
        var second = await store.FindAsync(subscription.Id, None);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second!.Version);
        Assert.Equal(At.AddHours(1), second.LastSentAt);
    }

    [Fact]
    public async Task A_new_subscription_whose_id_is_already_stored_conflicts_and_changes_nothing()
    {
        var store = CreateSubscriptionStore();
        Assert.True(await store.TrySaveAsync(Subscriptions.OnMessenger("c1", token: "first"), None));

        var saved = await store.TrySaveAsync(Subscriptions.OnMessenger("c1", token: "second"), None);

        Assert.False(saved);
        Assert.Equal("first", (await store.FindAsync(Subscription.IdFor("messenger", "c1", "weekly-deals", null), None))!.Token);
    }

    [Fact]
    public async Task Saving_a_loaded_version_that_was_never_stored_conflicts()
    {
        var store = CreateSubscriptionStore();
        var ghost = Subscription.Restore(Subscriptions.OnMessenger("c1").ToSnapshot() with { Version = 4 });

        Assert.False(await store.TrySaveAsync(ghost, None));
        Assert.Null(await store.FindAsync(ghost.Id, None));
    }

    [Fact]
    public async Task Of_two_loads_of_one_subscription_the_first_save_wins_and_the_second_conflicts()
    {
        var store = CreateSubscriptionStore();
        var subscription = Subscriptions.OnMessenger("c1");
        await store.TrySaveAsync(subscription, None);
        var mine = await store.FindAsync(subscription.Id, None);
        var theirs = await store.FindAsync(subscription.Id, None);

        mine!.Stop(At.AddHours(1));
        theirs!.RecordSent(At.AddHours(2));

        Assert.True(await store.TrySaveAsync(mine, None));
        Assert.False(await store.TrySaveAsync(theirs, None));
        var stored = await store.FindAsync(subscription.Id, None);
        Assert.Equal(SubscriptionStatus.Stopped, stored!.Status);
        Assert.Null(stored.LastSentAt);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Of_20_parallel_saves_from_the_same_version_exactly_one_wins()
    {
        var store = CreateSubscriptionStore();
        var subscription = Subscriptions.OnMessenger("c1");
        await store.TrySaveAsync(subscription, None);
        var loaded = (await store.FindAsync(subscription.Id, None))!.ToSnapshot();

        var saves = Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            var copy = Subscription.Restore(loaded);
            copy.RecordSent(At.AddMinutes(i));
            return (Minute: i, Saved: await store.TrySaveAsync(copy, None));
        }));
        var results = await Task.WhenAll(saves);

        var winner = Assert.Single(results, r => r.Saved);
        var stored = await store.FindAsync(subscription.Id, None);
        Assert.Equal(At.AddMinutes(winner.Minute), stored!.LastSentAt);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task After_a_token_refresh_the_new_token_finds_the_subscription_and_the_old_one_does_not()
    {
        var store = CreateSubscriptionStore();
        var subscription = Subscriptions.OnMessenger("c1", token: "old-token");
        await store.TrySaveAsync(subscription, None);
        var loaded = await store.FindByTokenAsync("old-token", None);

        loaded!.Refresh("new-token", At.AddMonths(12), At.AddMonths(5));
        Assert.True(await store.TrySaveAsync(loaded, None));

        Assert.Null(await store.FindByTokenAsync("old-token", None));
        var found = await store.FindByTokenAsync("new-token", None);
        Assert.Equal(subscription.Id, found!.Id);
        Assert.Equal(At.AddMonths(12), found.ExpiresAt);
    }

    [Fact]
    public async Task A_customer_lists_every_subscription_on_the_channel_in_any_status_and_nobody_elses()
    {
        var store = CreateSubscriptionStore();
        var deals = Subscriptions.OnMessenger("c1", topicId: "weekly-deals", token: "t1");
        var orders = Subscriptions.OnMessenger("c1", topicId: "order-updates", token: "t2");
        orders.Stop(At.AddHours(1));
        var unknown = Subscriptions.OnMessenger("c1", topicId: Topic.UnknownId, token: "t3", title: "Something else");
        var otherCustomer = Subscriptions.OnMessenger("c2", token: "t4");
        var otherChannel = Subscription.OptInWithConversationReference("weekly-deals", null, "webchat", "c1", "{}", null, null, "Current", At);
        foreach (var s in new[] { deals, orders, unknown, otherCustomer, otherChannel })
        {
            Assert.True(await store.TrySaveAsync(s, None));
        }

        var listed = await store.ListByCustomerAsync("messenger", "c1", None);
        var listedIgnoringCase = await store.ListByCustomerAsync("Messenger", "c1", None);

        Assert.Equal(new[] { deals.Id, orders.Id, unknown.Id }.Order(StringComparer.Ordinal), listed.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, listedIgnoringCase.Count);
        Assert.Contains(listed, s => s.Status == SubscriptionStatus.Stopped);
        Assert.Empty(await store.ListByCustomerAsync("messenger", "C1", None));
    }

    [Fact]
    public async Task Paging_250_active_subscribers_by_100_lists_each_exactly_once_and_no_one_inactive()
    {
        var store = CreateSubscriptionStore();
        var active = new List<string>();
        for (var i = 0; i < 250; i++)
        {
            var s = Subscriptions.OnMessenger($"c{i:D3}-ü", token: $"t{i}");
            await store.TrySaveAsync(s, None);
            active.Add(s.Id);
        }

        await SaveInactiveAndOtherTopicSubscribersAsync(store);

        var pages = await ListAllPagesAsync(store, "weekly-deals", 100);

        Assert.Equal([100, 100, 50], pages.Select(p => p.Count));
        var listed = pages.SelectMany(p => p).ToList();
        Assert.Equal(active.Order(StringComparer.Ordinal), listed.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(listed, s => Assert.Equal(SubscriptionStatus.Active, s.Status));
    }

    [Fact]
    public async Task A_subscriber_who_opts_in_between_pages_makes_the_fan_out_skip_no_one()
    {
        var store = CreateSubscriptionStore();
        var before = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var s = Subscriptions.OnMessenger($"c{i:D2}", token: $"t{i}");
            await store.TrySaveAsync(s, None);
            before.Add(s.Id);
        }

        var first = await store.ListActiveByTopicAsync("weekly-deals", null, 10, None);
        await store.TrySaveAsync(Subscriptions.OnMessenger("a-sorts-first", token: "new-1"), None);
        await store.TrySaveAsync(Subscriptions.OnMessenger("c15x", token: "new-2"), None);
        var listed = first.Subscriptions.Select(s => s.Id).ToList();
        for (var continuation = first.Continuation; continuation is not null;)
        {
            var page = await store.ListActiveByTopicAsync("weekly-deals", continuation, 10, None);
            listed.AddRange(page.Subscriptions.Select(s => s.Id));
            continuation = page.Continuation;
        }

        Assert.All(before, id => Assert.Contains(id, listed));
    }

    [Fact]
    public async Task A_topics_active_count_follows_opt_in_stop_resume_retire_expiry_and_renewal_and_not_a_lost_save()
    {
        var store = CreateSubscriptionStore();
        async Task<(long Deals, long Orders)> CountsAsync() =>
            (await store.CountActiveByTopicAsync("weekly-deals", None), await store.CountActiveByTopicAsync("order-updates", None));
        async Task ChangeAsync(string id, Func<Subscription, bool> change)
        {
            var subscription = (await store.FindAsync(id, None))!;
            Assert.True(change(subscription));
            Assert.True(await store.TrySaveAsync(subscription, None));
        }

        Assert.Equal((0, 0), await CountsAsync());
        var (a, b, c) = (Subscriptions.OnMessenger("a"), Subscriptions.OnMessenger("b"), Subscriptions.OnMessenger("c"));
        foreach (var subscription in new[] { a, b, c, Subscriptions.OnMessenger("o", topicId: "order-updates") })
        {
            Assert.True(await store.TrySaveAsync(subscription, None));
        }

        Assert.Equal((3, 1), await CountsAsync());
        await ChangeAsync(a.Id, s => s.Stop(At.AddHours(1)));
        Assert.Equal((2, 1), await CountsAsync());
        await ChangeAsync(a.Id, s => s.Resume(At.AddHours(2)));
        Assert.Equal((3, 1), await CountsAsync());

        // A campaign's page retires a token the platform refused: saved with the page, counted the same.
        var retiring = (await store.FindAsync(b.Id, None))!;
        retiring.Retire(At.AddHours(3), "token invalid");
        Assert.Empty(await store.TrySaveManyAsync([retiring], None));
        Assert.Equal((2, 1), await CountsAsync());
        await ChangeAsync(c.Id, s => s.Expire(At.AddMonths(7)));
        Assert.Equal((1, 1), await CountsAsync());
        await ChangeAsync(c.Id, s => s.RenewConsent("token-of-c-2", null, "Asia/Tokyo", Frequency.Weekly, At.AddMonths(19), "Current", SubscriptionOrigin.RequestedByUs, At.AddMonths(7).AddDays(1)));
        Assert.Equal((2, 1), await CountsAsync());
        await ChangeAsync(c.Id, s => s.Retire(At.AddMonths(8), "user gone"));
        await ChangeAsync(c.Id, s => s.RenewConsent("token-of-c-3", null, "Asia/Tokyo", Frequency.Weekly, At.AddMonths(20), "Current", SubscriptionOrigin.RequestedByUs, At.AddMonths(8).AddDays(1)));
        Assert.Equal((2, 1), await CountsAsync());

        // Two loads of one subscription: the second stop loses the race and must not count again.
        var first = (await store.FindAsync(a.Id, None))!;
        var second = (await store.FindAsync(a.Id, None))!;
        Assert.True(first.Stop(At.AddHours(4)) && second.Stop(At.AddHours(5)));
        Assert.True(await store.TrySaveAsync(first, None));
        Assert.False(await store.TrySaveAsync(second, None));
        Assert.Equal((1, 1), await CountsAsync());
        var duplicate = (await store.FindAsync(a.Id, None))!;
        Assert.False(duplicate.Stop(At.AddHours(6)));
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Fact]
    public async Task A_customer_who_never_wrote_has_a_closed_window()
    {
        var store = CreateMessagingWindowStore();

        var window = await store.GetAsync("messenger", "c1", None);

        Assert.Equal(("messenger", "c1"), (window.ChannelId, window.CustomerId));
        Assert.Null(window.LastCustomerMessageAt);
        Assert.False(window.IsOpenAt(At));
    }

    [Fact]
    public async Task A_saved_window_is_open_until_exactly_24_hours_after_the_last_message()
    {
        var store = CreateMessagingWindowStore();
        var window = await store.GetAsync("messenger", "kunde-ü-😀", None);
        window.RecordCustomerMessage(At);

        await store.SaveAsync(window, None);
        var loaded = await store.GetAsync("messenger", "kunde-ü-😀", None);

        Assert.Equal(At, loaded.LastCustomerMessageAt);
        Assert.True(loaded.IsOpenAt(At.AddHours(24).AddMilliseconds(-1)));
        Assert.False(loaded.IsOpenAt(At.AddHours(24)));
    }

    [Fact]
    public async Task A_window_only_moves_forward_whatever_order_the_saves_come_in()
    {
        var store = CreateMessagingWindowStore();
        await store.SaveAsync(MessagingWindow.Restore("messenger", "c1", At.AddHours(2)), None);

        await store.SaveAsync(MessagingWindow.Restore("messenger", "c1", At), None);
        await store.SaveAsync(MessagingWindow.NeverOpened("messenger", "c1"), None);
        var afterOlder = await store.GetAsync("messenger", "c1", None);
        await store.SaveAsync(MessagingWindow.Restore("messenger", "c1", At.AddHours(3)), None);
        var afterNewer = await store.GetAsync("messenger", "c1", None);

        Assert.Equal(At.AddHours(2), afterOlder.LastCustomerMessageAt);
        Assert.Equal(At.AddHours(3), afterNewer.LastCustomerMessageAt);
    }

    [Fact]
    public async Task Windows_belong_to_one_channel_and_customer()
    {
        var store = CreateMessagingWindowStore();

        await store.SaveAsync(MessagingWindow.Restore("messenger", "c1", At), None);

        Assert.Null((await store.GetAsync("messenger", "c2", None)).LastCustomerMessageAt);
        Assert.Null((await store.GetAsync("webchat", "c1", None)).LastCustomerMessageAt);
    }

    [Fact]
    public async Task A_page_never_restricted_is_unrestricted()
    {
        var store = CreatePageStatusStore();

        var status = await store.GetAsync("page-1", None);

        Assert.Equal(PageStatus.Unrestricted, status);
    }

    [Fact]
    public async Task Barring_opt_ins_and_pausing_sends_are_kept_apart_until_their_instants()
    {
        var store = CreatePageStatusStore();

        await store.BarOptInsUntilAsync("page-1", At.AddDays(1), None);
        var barred = await store.GetAsync("page-1", None);
        await store.PauseSendsUntilAsync("page-1", At.AddHours(6), None);
        var both = await store.GetAsync("page-1", None);

        Assert.Equal(new PageStatus(At.AddDays(1), null), barred);
        Assert.Equal(new PageStatus(At.AddDays(1), At.AddHours(6)), both);
        Assert.True(both.AreOptInsBarredAt(At.AddDays(1).AddMilliseconds(-1)));
        Assert.False(both.AreOptInsBarredAt(At.AddDays(1)));
        Assert.True(both.AreSendsPausedAt(At.AddHours(6).AddMilliseconds(-1)));
        Assert.False(both.AreSendsPausedAt(At.AddHours(6)));
        Assert.Equal(PageStatus.Unrestricted, await store.GetAsync("page-2", None));
    }

    [Fact]
    public async Task The_latest_restriction_replaces_the_one_before_even_when_shorter()
    {
        var store = CreatePageStatusStore();
        await store.PauseSendsUntilAsync("page-1", At.AddDays(2), None);
        await store.BarOptInsUntilAsync("page-1", At.AddDays(2), None);

        await store.PauseSendsUntilAsync("page-1", At.AddHours(1), None);
        await store.BarOptInsUntilAsync("page-1", At.AddHours(2), None);

        Assert.Equal(new PageStatus(At.AddHours(2), At.AddHours(1)), await store.GetAsync("page-1", None));
    }

    [Fact]
    public async Task A_topic_without_events_counts_nothing()
    {
        var store = CreateStopRateCounterStore();

        Assert.Equal(new StopRateCounts(0, 0), await store.CountAsync("weekly-deals", At.AddDays(-7), At, None));
    }

    [Fact]
    public async Task Counts_take_every_hour_the_window_overlaps_whole_and_nothing_outside_those_hours()
    {
        var store = CreateStopRateCounterStore();
        var since = At.AddDays(-7);
        var sinceHour = new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero);
        var untilHourEnd = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        await store.RecordOptInAsync("weekly-deals", sinceHour.AddMilliseconds(-1), None);
        await store.RecordStopAsync("weekly-deals", sinceHour.AddMilliseconds(-1), None);
        await store.RecordOptInAsync("weekly-deals", sinceHour, None);
        await store.RecordStopAsync("weekly-deals", sinceHour, None);
        await store.RecordOptInAsync("weekly-deals", since.AddMilliseconds(-1), None);
        await store.RecordOptInAsync("weekly-deals", At.AddDays(-3), None);
        await store.RecordStopAsync("weekly-deals", At.AddDays(-3), None);
        await store.RecordStopAsync("weekly-deals", At, None);
        await store.RecordOptInAsync("weekly-deals", At.AddMilliseconds(1), None);
        await store.RecordStopAsync("weekly-deals", untilHourEnd.AddMilliseconds(-1), None);
        await store.RecordOptInAsync("weekly-deals", untilHourEnd, None);
        await store.RecordStopAsync("weekly-deals", untilHourEnd, None);
        await store.RecordStopAsync("order-updates", At.AddDays(-1), None);

        // The hour of since (08:00 UTC, At is 09:30 at +01:00) counts from its start, the hour of At to its end.
        Assert.Equal(new StopRateCounts(OptIns: 4, Stops: 4), await store.CountAsync("weekly-deals", since, At, None));
        Assert.Equal(new StopRateCounts(0, 1), await store.CountAsync("order-updates", since, At, None));
        Assert.Equal(new StopRateCounts(6, 6), await store.CountAsync("weekly-deals", since.AddDays(-1), At.AddDays(1), None));
    }

    [Fact]
    public async Task A_window_inside_one_hour_counts_that_hour_and_an_empty_window_counts_nothing()
    {
        var store = CreateStopRateCounterStore();
        await store.RecordStopAsync("weekly-deals", At, None);
        await store.RecordOptInAsync("weekly-deals", At.AddMinutes(20), None);

        Assert.Equal(new StopRateCounts(1, 1), await store.CountAsync("weekly-deals", At.AddMinutes(25), At.AddMinutes(26), None));
        Assert.Equal(new StopRateCounts(0, 0), await store.CountAsync("weekly-deals", At.AddMinutes(30), At.AddMinutes(29), None));
    }

    [Fact]
    public async Task Counts_stay_exact_across_utc_midnight_and_many_records_of_one_hour()
    {
        var store = CreateStopRateCounterStore();
        var midnight = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 30; i++)
        {
            await store.RecordOptInAsync("weekly-deals", midnight.AddMinutes(-1 - i), None);
            await store.RecordStopAsync("weekly-deals", midnight.AddSeconds(i), None);
        }

        Assert.Equal(new StopRateCounts(30, 0), await store.CountAsync("weekly-deals", midnight.AddHours(-1), midnight.AddTicks(-1), None));
        Assert.Equal(new StopRateCounts(30, 30), await store.CountAsync("weekly-deals", midnight.AddMinutes(-5), midnight.AddMinutes(5), None));
    }

    /// <summary>
    /// The guard counted exact instants before; it counts whole hours now. Over a month of a topic
    /// (<c>Bot.Tests/Notifications/StopRate/Samples/stop-rate-month.csv</c>: weekly campaigns, one that made
    /// customers stop in droves) the guard, asked before each event as a chat would, pauses and resumes the
    /// topic as the exact-instant guard did: the same pauses, each beginning and ending within the hour of
    /// the old one's, and any decision that differs lies within an hour of a moment the old verdict changed.
    /// </summary>
    [Fact]
    public async Task Over_a_month_of_a_topic_the_guard_pauses_and_resumes_as_it_did_with_exact_instants()
    {
        var store = CreateStopRateCounterStore();
        var guard = new StopRateGuard(new StopRateOptions());
        var trace = StopRateTrace.Read();
        var exact = new List<(DateTimeOffset At, bool Paused)>();
        var hourly = new List<(DateTimeOffset At, bool Paused)>();
        for (var i = 0; i < trace.Count; i++)
        {
            var now = trace[i].At;
            var window = trace.Take(i).Where(e => e.At >= guard.WindowStart(now) && e.At <= now).ToList();
            exact.Add((now, guard.Evaluate("weekly-deals", new StopRateCounts(window.Count(e => !e.IsStop), window.Count(e => e.IsStop))).IsPaused));
            hourly.Add((now, guard.Evaluate("weekly-deals", await store.CountAsync("weekly-deals", guard.WindowStart(now), now, None)).IsPaused));
            await (trace[i].IsStop ? store.RecordStopAsync("weekly-deals", now, None) : store.RecordOptInAsync("weekly-deals", now, None));
        }

        var exactPauses = StopRateTrace.Pauses(exact);
        var hourlyPauses = StopRateTrace.Pauses(hourly);
        Assert.NotEmpty(exactPauses);
        Assert.Equal(exactPauses.Count, hourlyPauses.Count);
        Assert.All(exactPauses.Zip(hourlyPauses), p =>
        {
            Assert.True((p.First.Start - p.Second.Start).Duration() < TimeSpan.FromHours(1), $"paused at {p.Second.Start:O}, exactly at {p.First.Start:O}");
            Assert.True((p.First.End - p.Second.End).Duration() < TimeSpan.FromHours(1), $"resumed at {p.Second.End:O}, exactly at {p.First.End:O}");
        });
        var changes = exactPauses.SelectMany(p => new[] { p.Start, p.End }).ToList();
        var differing = exact.Zip(hourly).Where(d => d.First.Paused != d.Second.Paused).Select(d => d.First.At).ToList();
        Assert.All(differing, at => Assert.Contains(changes, change => (change - at).Duration() < TimeSpan.FromHours(1)));
        Assert.True(differing.Count < trace.Count / 100, $"{differing.Count} of {trace.Count} decisions differ");
    }

    [Fact]
    public async Task A_customer_never_offered_anything_has_an_empty_history()
    {
        var store = CreateOfferHistoryStore();

        var history = await store.GetAsync("messenger", "c1", None);

        Assert.Empty(history.Requests);
        Assert.Empty(history.Declines);
        Assert.Null(history.OffersBlockedUntil);
    }

    [Fact]
    public async Task Requests_and_declines_come_back_in_the_order_they_were_recorded_with_every_field()
    {
        var store = CreateOfferHistoryStore();
        OptInRequestRecord[] requests =
        [
            new("weekly-deals", "Wöchentliche Angebote 😀 \"quoted\"", At),
            new("order-updates", "Order updates", At.AddDays(1)),
            new("weekly-deals", "Weekly deals from our shop", At.AddMinutes(-5)),
        ];
        OptInDeclineRecord[] declines = [new("order-updates", At.AddDays(1).AddMinutes(1)), new("weekly-deals", At.AddDays(2))];

        foreach (var request in requests)
        {
            await store.RecordRequestAsync("messenger", "kunde-ü", request, None);
        }

        foreach (var decline in declines)
        {
            await store.RecordDeclineAsync("messenger", "kunde-ü", decline, None);
        }

        var history = await store.GetAsync("messenger", "kunde-ü", None);

        Assert.Equal(requests, history.Requests);
        Assert.Equal(declines, history.Declines);
        Assert.Null(history.OffersBlockedUntil);
    }

    [Fact]
    public async Task Blocking_offers_keeps_the_latest_instant_and_the_records()
    {
        var store = CreateOfferHistoryStore();
        await store.RecordRequestAsync("messenger", "c1", new OptInRequestRecord("weekly-deals", "Weekly deals from our shop", At), None);

        await store.BlockOffersUntilAsync("messenger", "c1", At.AddDays(2), None);
        var blocked = await store.GetAsync("messenger", "c1", None);
        await store.BlockOffersUntilAsync("messenger", "c1", At.AddDays(1), None);
        var reblocked = await store.GetAsync("messenger", "c1", None);

        Assert.Equal(At.AddDays(2), blocked.OffersBlockedUntil);
        Assert.Equal(At.AddDays(1), reblocked.OffersBlockedUntil);
        Assert.Single(reblocked.Requests);
    }

    [Fact]
    public async Task Offer_histories_belong_to_one_channel_and_customer()
    {
        var store = CreateOfferHistoryStore();
        await store.RecordRequestAsync("messenger", "c1", new OptInRequestRecord("weekly-deals", "Weekly deals from our shop", At), None);
        await store.RecordDeclineAsync("messenger", "c1", new OptInDeclineRecord("weekly-deals", At), None);
        await store.BlockOffersUntilAsync("messenger", "c1", At.AddDays(1), None);

        foreach (var (channel, customer) in new[] { ("messenger", "c2"), ("webchat", "c1") })
        {
            var other = await store.GetAsync(channel, customer, None);
            Assert.Empty(other.Requests);
            Assert.Empty(other.Declines);
            Assert.Null(other.OffersBlockedUntil);
        }
    }

    protected static async Task<List<List<Subscription>>> ListAllPagesAsync(ISubscriptionStore store, string topicId, int pageSize)
    {
        var pages = new List<List<Subscription>>();
        string? continuation = null;
        do
        {
            var page = await store.ListActiveByTopicAsync(topicId, continuation, pageSize, None);
            pages.Add([.. page.Subscriptions]);
            continuation = page.Continuation;
        }
        while (continuation is not null && pages.Count < 100);

        return pages;
    }

    private static async Task SaveInactiveAndOtherTopicSubscribersAsync(ISubscriptionStore store)
    {
        var stopped = Subscriptions.OnMessenger("stopped", token: "t-stopped");
        stopped.Stop(At.AddHours(1));
        var retired = Subscriptions.OnMessenger("retired", token: "t-retired");
        retired.Retire(At.AddHours(1), "user gone");
        var expired = Subscriptions.OnMessenger("expired", token: "t-expired");
        expired.Expire(At.AddMonths(7));
        var otherTopic = Subscriptions.OnMessenger("other-topic", topicId: "order-updates", token: "t-other");
        foreach (var s in new[] { stopped, retired, expired, otherTopic })
        {
            Assert.True(await store.TrySaveAsync(s, None));
        }
    }

    /// <summary>Test data: Messenger subscriptions with every field the factory takes set.</summary>
    protected static class Subscriptions
    {
        public static Subscription OnMessenger(string customerId, string topicId = "weekly-deals", string? token = null, string? title = "Weekly deals from our shop") =>
            Subscription.OptInOnMessenger(
                topicId,
                title,
                customerId,
                token ?? $"token-of-{customerId}",
                "Asia/Tokyo",
                Frequency.Weekly,
                At.AddMonths(6),
                "Current",
                SubscriptionOrigin.Unrequested,
                At);
    }
}
