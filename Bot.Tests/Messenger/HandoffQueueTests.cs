using ConversationBot.Bot.Desk;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Dialogs.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>The desk's queue on the host's fake clock: a hand-off nobody claimed for Handoff:UnansweredAfter (5 minutes) is marked and listed first; a claimed one never is.</summary>
public sealed class HandoffQueueTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_unclaimed_hand_off_is_unanswered_from_five_minutes_on_and_comes_first()
    {
        await using var bot = await MessengerBot.StartAsync();
        var store = bot.Host.Services.GetRequiredService<IHandoffStore>();
        var desk = bot.Host.Services.GetRequiredService<HandoffDesk>();
        var start = bot.Clock.GetUtcNow();
        await store.SaveAsync(new Handoff("emulator", "claimed-early", "anna", start, start.AddDays(1)) { ClaimedBy = "Ben" }, None);
        await store.SaveAsync(new Handoff("emulator", "waiting", "bert", start.AddMinutes(1), start.AddDays(1)), None);

        bot.Clock.Advance(TimeSpan.FromMinutes(6) - TimeSpan.FromSeconds(1));
        Assert.Equal([("claimed-early", false), ("waiting", false)], (await desk.QueueAsync(None)).Select(q => (q.Handoff.ConversationId, q.Unanswered)));

        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([("waiting", true), ("claimed-early", false)], (await desk.QueueAsync(None)).Select(q => (q.Handoff.ConversationId, q.Unanswered)));
    }
}
