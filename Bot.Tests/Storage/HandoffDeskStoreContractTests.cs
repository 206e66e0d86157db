using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Customers;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// The agent desk's storage on every back end: a hand-off's transcript in order and apart from other
/// hand-offs, erased with its customer (and only theirs), and a claim that only one of two agents wins.
/// </summary>
public abstract class HandoffDeskStoreContractTests
{
    protected static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected static HandoffOptions Options { get; } = new();

    protected abstract IHandoffStore CreateHandoffs();

    protected abstract IHandoffTranscriptStore CreateTranscripts();

    private static Handoff HandoffOf(string customer, string conversation, DateTimeOffset at) =>
        new("emulator", conversation, customer, at, at.AddDays(1)) { Language = "de", ConversationReference = "{\"serviceUrl\":\"http://127.0.0.1:1\"}" };

    [Fact]
    public async Task A_transcript_keeps_its_lines_in_order_apart_from_the_customers_other_hand_offs()
    {
        var store = CreateTranscripts();
        var first = HandoffOf("anna", "conv-1", At);
        var second = HandoffOf("anna", "conv-1", At.AddHours(2));

        await store.AppendAsync(first, [new(At.AddSeconds(-5), TranscriptAuthor.Customer, "where is 10045?") { BeforeHandoff = true }, new(At, TranscriptAuthor.Bot, "[card]") { BeforeHandoff = true }], None);
        await store.AppendAsync(first, [new(At.AddMinutes(1), TranscriptAuthor.Customer, "hello?")], None);
        await store.AppendAsync(first, [new(At.AddMinutes(2), TranscriptAuthor.Agent, "Hi Anna, I'm on it.") { AgentName = "Ben" }], None);
        await store.AppendAsync(second, [new(At.AddHours(2), TranscriptAuthor.Customer, "me again")], None);
        await store.AppendAsync(first, [new(At.AddMinutes(3), TranscriptAuthor.Agent, "Still there?") { AgentName = "Ben", Note = "refused: the 7 days are over" }], None);

        var lines = await store.ReadAsync(first, None);
        Assert.Equal(
            [
                (At.AddSeconds(-5), TranscriptAuthor.Customer, "where is 10045?", true, (string?)null, (string?)null),
                (At, TranscriptAuthor.Bot, "[card]", true, null, null),
                (At.AddMinutes(1), TranscriptAuthor.Customer, "hello?", false, null, null),
                (At.AddMinutes(2), TranscriptAuthor.Agent, "Hi Anna, I'm on it.", false, "Ben", null),
                (At.AddMinutes(3), TranscriptAuthor.Agent, "Still there?", false, "Ben", "refused: the 7 days are over"),
            ],
            lines.Select(l => (l.At, l.Author, l.Text, l.BeforeHandoff, l.AgentName, l.Note)));
        Assert.Equal(["me again"], (await store.ReadAsync(second, None)).Select(l => l.Text));
        Assert.Empty(await store.ReadAsync(HandoffOf("anna", "conv-2", At), None));
    }

    [Fact]
    public async Task A_long_line_is_cut_to_the_limit()
    {
        var store = CreateTranscripts();
        var handoff = HandoffOf("carl", "conv-long", At);

        await store.AppendAsync(handoff, [new(At, TranscriptAuthor.Customer, new string('x', TranscriptEntry.MaxTextLength + 500))], None);

        Assert.Equal(TranscriptEntry.MaxTextLength, Assert.Single(await store.ReadAsync(handoff, None)).Text.Length);
    }

    [Fact]
    public async Task Erasing_a_customer_removes_their_transcripts_only_and_a_second_erasure_finds_nothing()
    {
        var store = CreateTranscripts();
        var records = (ICustomerRecords)store;
        var anna = new CustomerKey("emulator", "anna-erase");
        await store.AppendAsync(HandoffOf("anna-erase", "conv-a1", At), [new(At, TranscriptAuthor.Customer, "one"), new(At, TranscriptAuthor.Bot, "two")], None);
        await store.AppendAsync(HandoffOf("anna-erase", "conv-a2", At.AddDays(1)), [new(At.AddDays(1), TranscriptAuthor.Customer, "three")], None);
        var bert = HandoffOf("bert-erase", "conv-b1", At);
        await store.AppendAsync(bert, [new(At, TranscriptAuthor.Customer, "bert's")], None);

        Assert.Equal(3, await records.CountAsync(anna, None));
        Assert.Equal(3, await records.EraseAsync(anna, "pseudonym-1", None));

        Assert.Equal(0, await records.CountAsync(anna, None));
        Assert.Empty(await store.ReadAsync(HandoffOf("anna-erase", "conv-a1", At), None));
        Assert.Equal(0, await records.EraseAsync(anna, "pseudonym-1", None));
        Assert.Equal(["bert's"], (await store.ReadAsync(bert, None)).Select(l => l.Text));
        Assert.Equal(1, await records.CountAsync(new CustomerKey("emulator", "bert-erase"), None));
        Assert.Equal(0, await records.CountAsync(new CustomerKey("messenger", "bert-erase"), None));
    }

    [Fact]
    public async Task Of_two_agents_claiming_at_once_one_wins_and_the_other_is_told_who()
    {
        var handoffs = CreateHandoffs();
        var handoff = HandoffOf("dora", "conv-claim", At);
        await handoffs.SaveAsync(handoff, None);
        var stored = (await handoffs.FindAsync("emulator", "conv-claim", None))!;
        Assert.Equal((0L, (string?)null, "de"), (stored.Version, stored.ClaimedBy, stored.Language));

        // Both read version 0 and try to write version 1 over it: the store keeps exactly one.
        var ben = stored.Claim("Ben", At.AddMinutes(1));
        var cleo = stored.Claim("Cleo", At.AddMinutes(1));
        var written = await Task.WhenAll(handoffs.TryReplaceAsync(ben.Claimed!, None), handoffs.TryReplaceAsync(cleo.Claimed!, None));

        Assert.Single(written, w => w);
        var winner = written[0] ? "Ben" : "Cleo";
        var now = (await handoffs.FindAsync("emulator", "conv-claim", None))!;
        Assert.Equal((winner, 1L, At.AddMinutes(1)), (now.ClaimedBy, now.Version, now.ClaimedAt));
        var loser = winner == "Ben" ? "Cleo" : "Ben";
        Assert.Equal($"{winner} claimed it first", now.Claim(loser, At.AddMinutes(2)).Reason);
        Assert.Equal(now, now.Claim(winner, At.AddMinutes(2)).Claimed);
        Assert.Equal(now.ConversationReference, handoff.ConversationReference);

        await handoffs.ReleaseAsync("emulator", "conv-claim", None);
        Assert.False(await handoffs.TryReplaceAsync(now with { Version = 2, ClaimedBy = "Ben" }, None));
    }

    [Fact]
    public async Task The_wait_notice_is_recorded_by_one_of_two_instances_kept_and_never_due_again_and_a_claim_over_it_goes_through()
    {
        var handoffs = CreateHandoffs();
        await handoffs.SaveAsync(HandoffOf("emma", "conv-notice", At), None);
        var stored = (await handoffs.FindAsync("emulator", "conv-notice", None))!;
        Assert.Null(stored.WaitNoticeDueAt(At.AddMinutes(4), Options.UnansweredAfter));

        // Two instances look at once and both find the notice due: the store keeps one record of it.
        var due = At.AddMinutes(5);
        var written = await Task.WhenAll(
            handoffs.TryReplaceAsync(stored.WaitNoticeDueAt(due, Options.UnansweredAfter)!, None),
            handoffs.TryReplaceAsync(stored.WaitNoticeDueAt(due, Options.UnansweredAfter)!, None));

        Assert.Single(written, w => w);
        var told = (await handoffs.FindAsync("emulator", "conv-notice", None))!;
        Assert.Equal((due, 1L), (told.WaitNoticeAt, told.Version));
        Assert.Null(told.WaitNoticeDueAt(At.AddHours(1), Options.UnansweredAfter));
        Assert.True(await handoffs.TryReplaceAsync(told.Claim("Ben", At.AddMinutes(6)).Claimed!, None));
        Assert.Equal(("Ben", due), ((await handoffs.FindAsync("emulator", "conv-notice", None))!.ClaimedBy, (await handoffs.FindAsync("emulator", "conv-notice", None))!.WaitNoticeAt));
    }

    [Fact]
    public async Task The_recent_transcripts_are_listed_latest_first_once_each_and_an_erased_customers_are_gone()
    {
        var store = CreateTranscripts();
        var customer = "fritz-" + Guid.NewGuid().ToString("N");
        var other = "gina-" + Guid.NewGuid().ToString("N");
        var older = HandoffOf(customer, "conv-recent-1", At.AddYears(5));
        var newer = HandoffOf(other, "conv-recent-2", At.AddYears(5).AddHours(1));
        await store.AppendAsync(older, [new TranscriptEntry(At, TranscriptAuthor.Customer, "first")], None);
        await store.AppendAsync(older, [new TranscriptEntry(At.AddMinutes(1), TranscriptAuthor.Customer, "second")], None);
        await store.AppendAsync(newer, [new TranscriptEntry(At, TranscriptAuthor.Customer, "hello")], None);

        var listed = (await store.ListRecentAsync(2, None)).Select(t => (t.ConversationId, t.CustomerId, t.HandoffAt)).ToList();

        Assert.Equal([("conv-recent-2", other, newer.RequestedAt), ("conv-recent-1", customer, older.RequestedAt)], listed);
        Assert.Equal(["first", "second"], (await store.ReadAsync(new TranscriptSummary("emulator", "conv-recent-1", customer, older.RequestedAt).Handoff(), None)).Select(l => l.Text));

        await ((ICustomerRecords)store).EraseAsync(new CustomerKey("emulator", customer), "pseudonym", None);
        Assert.DoesNotContain(await store.ListRecentAsync(100, None), t => t.CustomerId == customer);
        Assert.Contains(await store.ListRecentAsync(100, None), t => t.CustomerId == other);
    }
}
