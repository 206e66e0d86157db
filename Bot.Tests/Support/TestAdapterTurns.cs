using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// One turn on a TestAdapter, returning everything the bot replied: for tests that look at all
/// replies of a turn (every button, every card text) rather than asserting them one by one.
/// </summary>
public static class TestAdapterTurns
{
    public static Task<IReadOnlyList<IActivity>> SayAsync(this TestAdapter adapter, IBot bot, string text) =>
        adapter.SendAsync(bot, MessageFactory.Text(text) is Activity message ? message : throw new InvalidOperationException());

    public static async Task<IReadOnlyList<IActivity>> SendAsync(this TestAdapter adapter, IBot bot, Activity activity)
    {
        activity.Locale ??= adapter.Locale;
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    /// <summary>
    /// The bot did not answer the turn just sent. TestFlow's own <c>AssertNoReply()</c> waits 3 s for a reply, and the
    /// suite paid that in some 36 tests of every pass. A TestAdapter hands the bot's replies over within the turn,
    /// which TestFlow awaits before this step, so a reply that exists is already queued: a short wait finds it.
    /// </summary>
    public static TestFlow AssertNoReplyToTheTurn(this TestFlow flow, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return flow.AssertNoReply(description, 100);
    }
}
