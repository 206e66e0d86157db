using ConversationBot.Notifications;

namespace ConversationBot.Bot.Tests.Notifications;

/// <summary>Every read-change-save settles a conflict the same way: a few rounds, then a loud failure that names what kept changing.</summary>
public sealed class ConflictRetryTests
{
    [Fact]
    public async Task A_conflict_is_retried_with_a_fresh_read_until_the_save_wins()
    {
        var rounds = 0;

        var result = await ConflictRetry.RunAsync("subscription s1", _ => Task.FromResult(++rounds < 3 ? Round<string>.Conflict : Round<string>.Done("saved")), CancellationToken.None);

        Assert.Equal(("saved", 3), (result, rounds));
    }

    [Fact]
    public async Task A_thing_that_keeps_changing_is_given_up_loudly_after_the_last_round()
    {
        var rounds = 0;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ConflictRetry.RunAsync("Subscription s1", _ => { rounds++; return Task.FromResult(Round<int>.Conflict); }, CancellationToken.None));

        Assert.Equal(ConflictRetry.Attempts, rounds);
        Assert.Contains("Subscription s1 kept changing", failure.Message, StringComparison.Ordinal);
    }
}
