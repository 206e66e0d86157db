using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>The short wait of <see cref="TestAdapterTurns.AssertNoReplyToTheTurn"/> still catches a reply to the turn.</summary>
public sealed class AssertNoReplyToTheTurnTests
{
    [Fact]
    public async Task A_reply_to_the_turn_fails_it_and_silence_passes()
    {
        var adapter = new TestAdapter();

        var replied = await Assert.ThrowsAnyAsync<Exception>(() => new TestFlow(adapter, (turn, token) => turn.SendActivityAsync("an answer", cancellationToken: token))
            .Send("hello")
            .AssertNoReplyToTheTurn()
            .StartTestAsync());
        Assert.Contains("is responded", replied.Message, StringComparison.Ordinal);

        await new TestFlow(new TestAdapter(), (_, _) => Task.CompletedTask)
            .Send("hello")
            .AssertNoReplyToTheTurn()
            .StartTestAsync();
    }
}
