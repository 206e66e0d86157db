using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>TestAdapter stamps activities with the machine's clock; conversations under a fake clock need its time instead.</summary>
public sealed class FakeClockTimestamps(FakeTimeProvider time) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.Activity.Timestamp = time.GetUtcNow();
        return next(cancellationToken);
    }
}
