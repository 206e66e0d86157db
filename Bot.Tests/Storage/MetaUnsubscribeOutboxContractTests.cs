using ConversationBot.Notifications.Products.Unsubscribes;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>What every back end of the unsubscribe outbox must do: an id is added once, due ones listed oldest due first, done ones never again.</summary>
public abstract class MetaUnsubscribeOutboxContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IMetaUnsubscribeOutbox CreateOutbox();

    [Fact]
    public async Task An_id_is_added_once_and_only_due_pending_ones_are_listed_oldest_due_first()
    {
        var outbox = CreateOutbox();
        Assert.True(await outbox.AddAsync(MetaUnsubscribe.Of("a", MetaUnsubscribeIdentifier.SubscriberToken, "token-a", "stopped", At.AddMinutes(2)), None));
        Assert.False(await outbox.AddAsync(MetaUnsubscribe.Of("a", MetaUnsubscribeIdentifier.SubscriberToken, "token-other", "stopped", At), None));
        Assert.True(await outbox.AddAsync(MetaUnsubscribe.Of("b/?#", MetaUnsubscribeIdentifier.Psid, "psid-b", "erased", At.AddMinutes(1)), None));
        Assert.True(await outbox.AddAsync(MetaUnsubscribe.Of("c", MetaUnsubscribeIdentifier.Psid, "psid-c", "erased", At.AddMinutes(9)), None));

        var due = await outbox.ListDueAsync(At.AddMinutes(5), 10, None);

        Assert.Equal(["b/?#", "a"], due.Select(u => u.Id));
        Assert.Equal(("token-a", MetaUnsubscribeIdentifier.SubscriberToken), (due[1].Value, due[1].Identifier));
        Assert.Single(await outbox.ListDueAsync(At.AddMinutes(5), 1, None));
    }

    [Fact]
    public async Task A_failed_attempt_waits_and_an_answered_one_is_done_for_good_without_its_identifier()
    {
        var outbox = CreateOutbox();
        var unsubscribe = MetaUnsubscribe.Of("a", MetaUnsubscribeIdentifier.SubscriberToken, "token-a", "stopped", At);
        await outbox.AddAsync(unsubscribe, None);

        var failed = unsubscribe.Failed(At, "no answer");
        await outbox.SaveAsync(failed, None);
        Assert.Empty(await outbox.ListDueAsync(At.AddSeconds(29), 10, None));
        Assert.Equal(failed, Assert.Single(await outbox.ListDueAsync(At.AddSeconds(30), 10, None)));

        var done = failed.Answered(At.AddMinutes(1), 0);
        await outbox.SaveAsync(done, None);
        Assert.Empty(await outbox.ListDueAsync(At.AddDays(1), 10, None));
        Assert.Equal(done, await outbox.FindAsync("a", None));
        Assert.False(await outbox.AddAsync(unsubscribe, None));
        Assert.Null(await outbox.FindAsync("unknown", None));
    }
}
