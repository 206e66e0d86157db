using ConversationBot.Bot.Messenger;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// The webhook's event log on every back end: an event runs once, a redelivery of a done event is
/// skipped, an abandoned or released claim is taken over by exactly one request, and the replies a
/// turn sent (its outbox) come along to whoever runs the event again.
/// </summary>
public abstract class MessengerEventLogContractTests
{
    protected static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected FakeTimeProvider Clock { get; } = new(At);

    protected abstract IMessengerEventLog CreateLog();

    /// <summary>The turn lease every log here runs with (the default).</summary>
    protected static IOptions<MessengerOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new MessengerOptions());

    private static TimeSpan AbandonedAfter => Options.Value.TurnLease;

    [Fact]
    public async Task A_posts_events_are_stored_once_listed_in_the_order_received_and_leave_the_list_when_done()
    {
        var log = CreateLog();
        AcceptedEvent[] post =
        [
            new("mid.a1", "111", "{\"n\":1}"),
            new("raw:bad", "", "{\"n\":2}", "timestamp is not an instant"),
            new("mid.b1", "222", "{\"n\":3}"),
            new("mid.a2", "111", "{\"n\":4}"),
        ];

        Assert.Equal(["mid.a1", "mid.a2", "mid.b1", "raw:bad"], (await log.AcceptAsync(post, None)).Order(StringComparer.Ordinal));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["mid.c1"], await log.AcceptAsync([new("mid.a2", "111", "{}"), new("mid.c1", "333", "{\"n\":5}")], None));

        var unfinished = await log.ListUnfinishedAsync(10, None);
        Assert.Equal(
            [("mid.a1", "111", "{\"n\":1}", false), ("mid.b1", "222", "{\"n\":3}", false), ("mid.a2", "111", "{\"n\":4}", false), ("mid.c1", "333", "{\"n\":5}", false)],
            unfinished.Select(e => (e.Key, e.Sender, e.Raw, e.Claimed)));
        Assert.Equal(At, unfinished[0].Since);
        Assert.Equal(["raw:bad"], (await log.ListSetAsideAsync(10, None)).Select(e => e.EventKey));
        Assert.Equal(MessengerEventClaim.AlreadyProcessed, (await log.ClaimAsync("raw:bad", None)).Claim);

        // A received event is claimable at once, by one taker; claimed, it is listed as such until done.
        var claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => log.ClaimAsync("mid.a1", None)));
        Assert.Equal(1, Assert.Single(claims, c => c.Claim == MessengerEventClaim.Claimed).Attempts);
        var claimed = (await log.ListUnfinishedAsync(10, None))[0];
        Assert.Equal(("mid.a1", true, At.AddSeconds(1)), (claimed.Key, claimed.Claimed, claimed.Since));
        await log.CompleteAsync("mid.a1", None);
        Assert.Equal(["mid.b1", "mid.a2", "mid.c1"], (await log.ListUnfinishedAsync(10, None)).Select(e => e.Key));
        Assert.Equal(["mid.b1"], (await log.ListUnfinishedAsync(1, None)).Select(e => e.Key));
        Assert.Empty(await log.AcceptAsync([new("mid.a1", "111", "{\"n\":1}")], None));
    }

    [Fact]
    public async Task A_reply_taken_back_is_sent_by_the_next_run_and_the_others_are_not()
    {
        var log = CreateLog();
        await log.AcceptAsync([new("mid.7", "111", "{}")], None);
        await log.ClaimAsync("mid.7", None);
        await log.RecordSendingAsync("mid.7", "0:aaaa", None);
        await log.RecordSendingAsync("mid.7", "1:bbbb", None);
        await log.ForgetSendingAsync("mid.7", "1:bbbb", None);
        await log.ReleaseAsync("mid.7", None);

        var again = await log.ClaimAsync("mid.7", None);

        Assert.Equal((MessengerEventClaim.Claimed, 2), (again.Claim, again.Attempts));
        Assert.Equal(["0:aaaa"], again.SentReplies);
    }

    [Fact]
    public async Task An_event_is_claimed_once_done_once_and_released_for_a_retry()
    {
        var log = CreateLog();

        Assert.Equal(MessengerEventClaim.Claimed, (await log.ClaimAsync("mid.1/ü?#", None)).Claim);
        Assert.Equal(MessengerEventClaim.InProgress, (await log.ClaimAsync("mid.1/ü?#", None)).Claim);
        await log.CompleteAsync("mid.1/ü?#", None);
        Assert.Equal(MessengerEventClaim.AlreadyProcessed, (await log.ClaimAsync("mid.1/ü?#", None)).Claim);
        await log.ReleaseAsync("mid.1/ü?#", None);
        Assert.Equal(MessengerEventClaim.AlreadyProcessed, (await log.ClaimAsync("mid.1/ü?#", None)).Claim);

        Assert.Equal(MessengerEventClaim.Claimed, (await log.ClaimAsync("mid.2", None)).Claim);
        await log.ReleaseAsync("mid.2", None);
        Assert.Equal(MessengerEventClaim.Claimed, (await log.ClaimAsync("mid.2", None)).Claim);
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_stopped_process_is_taken_over_by_exactly_one_request_with_the_replies_it_sent()
    {
        var log = CreateLog();
        Assert.Empty((await log.ClaimAsync("mid.3", None)).SentReplies);
        await log.RecordSendingAsync("mid.3", "0:aaaa", None);
        await log.RecordSendingAsync("mid.3", "1:bbbb", None);

        Clock.Advance(AbandonedAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(MessengerEventClaim.InProgress, (await log.ClaimAsync("mid.3", None)).Claim);
        Clock.Advance(TimeSpan.FromSeconds(2));
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => log.ClaimAsync("mid.3", None)));

        var taken = Assert.Single(claims, c => c.Claim == MessengerEventClaim.Claimed);
        Assert.Equal(["0:aaaa", "1:bbbb"], taken.SentReplies);
    }

    [Fact]
    public async Task A_released_event_is_claimable_at_once_and_keeps_its_outbox()
    {
        var log = CreateLog();
        await log.ClaimAsync("mid.4", None);
        await log.RecordSendingAsync("mid.4", "0:cccc", None);

        await log.ReleaseAsync("mid.4", None);
        var again = await log.ClaimAsync("mid.4", None);

        Assert.Equal(MessengerEventClaim.Claimed, again.Claim);
        Assert.Equal(["0:cccc"], again.SentReplies);
        Assert.Equal(MessengerEventClaim.InProgress, (await log.ClaimAsync("mid.4", None)).Claim);
    }

    [Fact]
    public async Task A_set_aside_event_is_final_listed_newest_first_and_each_claim_counts_an_attempt()
    {
        var log = CreateLog();
        Assert.Equal(1, (await log.ClaimAsync("mid.5", None)).Attempts);
        await log.ReleaseAsync("mid.5", None);
        Assert.Equal(2, (await log.ClaimAsync("mid.5", None)).Attempts);

        await log.SetAsideAsync("mid.5", "{\"raw\":1}", "the turn failed on attempt 2", None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await log.SetAsideAsync("raw:abc", "{\"raw\":2}", "timestamp is not an instant", None);
        await log.ClaimAsync("mid.6", None);
        await log.CompleteAsync("mid.6", None);
        await log.SetAsideAsync("mid.6", "{}", "too late: it ran", None);

        Assert.Equal(MessengerEventClaim.AlreadyProcessed, (await log.ClaimAsync("mid.5", None)).Claim);
        Assert.Equal(MessengerEventClaim.AlreadyProcessed, (await log.ClaimAsync("raw:abc", None)).Claim);
        var listed = await log.ListSetAsideAsync(10, None);
        Assert.Equal(["raw:abc", "mid.5"], listed.Select(e => e.EventKey));
        Assert.Equal(("timestamp is not an instant", "{\"raw\":2}", At.AddSeconds(1)), (listed[0].Reason, listed[0].RawEvent, listed[0].At));
        Assert.Single(await log.ListSetAsideAsync(1, None));
    }
}
