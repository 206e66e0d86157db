using System.Net;
using ConversationBot.Bot.Messenger.Handover;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Dialogs.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// A Page Inbox hand-off past Handoff:Timeout is ended by the host's timer (Bot/Messenger/Handover/PageInboxTimeouts.cs),
/// not only at the customer's next message: on the real host with the fake Graph API and a fake clock the
/// bot takes the thread back and says it is back inside the 24-hour window, once; after the window it
/// takes the thread back and keeps the reason in the transcript, sending nothing.
/// </summary>
public sealed class MessengerPageInboxTimeoutTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Inside_the_window_the_bot_takes_the_thread_back_and_greets_once_without_waiting_for_the_customer()
    {
        await using var bot = await StartAsync("02:00:00");
        await PostOkAsync(bot, Text("talk to a person", "m_timeout_ask"));
        Assert.Equal(["pass_thread_control"], bot.Graph.ThreadControls.Select(c => c.Edge));
        var sent = bot.Graph.Requests.Count;

        await bot.AdvanceAsync(TimeSpan.FromHours(2));
        await Polling.UntilAsync(
            () => Task.FromResult(bot.Graph.Requests.Count),
            count => count > sent,
            TimeSpan.FromSeconds(20),
            _ => "the bot did not greet",
            betweenPolls: () => bot.Clock.Advance(TimeSpan.FromSeconds(10)));

        Assert.Equal(["pass_thread_control", "take_thread_control"], bot.Graph.ThreadControls.Select(c => c.Edge));
        var greeting = Assert.Single(bot.Graph.Requests.Skip(sent));
        Assert.Equal(("RESPONSE", "I'm back to help."), (greeting.MessagingType, greeting.Body["message"]!["text"]!.GetValue<string>()));
        Assert.Null(await bot.Host.Services.GetRequiredService<IHandoffStore>().FindAsync("messenger", MessengerBot.Psid, None));
        Assert.Equal(0, await bot.Host.Services.GetRequiredService<PageInboxTimeouts>().EndTimedOutAsync(None));

        // The customer's next message is the bot's, with no second "I'm back".
        await PostOkAsync(bot, Text("opening hours", "m_timeout_after"));
        Assert.Single(bot.Graph.Requests, r => r.Body["message"]?["text"]?.GetValue<string>() == "I'm back to help.");
        Assert.True(bot.Graph.Requests.Count > sent + 1, "the bot answers the customer's next message");
    }

    [Fact]
    public async Task After_the_window_the_bot_takes_the_thread_back_sends_nothing_and_notes_why()
    {
        await using var bot = await StartAsync("1.06:00:00");
        await PostOkAsync(bot, Text("talk to a person", "m_timeout_late"));
        var handoff = (await bot.Host.Services.GetRequiredService<IHandoffStore>().FindAsync("messenger", MessengerBot.Psid, None))!;
        var sent = bot.Graph.Requests.Count;

        await bot.AdvanceAsync(TimeSpan.FromHours(30));
        // The thread is taken back first and the transcript written after: wait for the transcript's line.
        var transcripts = bot.Host.Services.GetRequiredService<IHandoffTranscriptStore>();
        var last = await Polling.UntilAsync(
            async () => (await transcripts.ReadAsync(handoff, None))[^1],
            line => line.Text == "I'm back to help.",
            TimeSpan.FromSeconds(20),
            line => $"the bot did not take the thread back (last transcript line: {line.Text})",
            betweenPolls: () => bot.Clock.Advance(TimeSpan.FromSeconds(10)));

        Assert.Equal(["pass_thread_control", "take_thread_control"], bot.Graph.ThreadControls.Select(c => c.Edge));
        Assert.Equal(sent, bot.Graph.Requests.Count);
        Assert.Equal(TranscriptAuthor.Bot, last.Author);
        Assert.Contains("more than 24 hours", last.Note, StringComparison.Ordinal);
    }

    private static Task<MessengerBot> StartAsync(string timeout) => MessengerBot.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Handoff:Messenger"] = "PageInbox",
        ["Handoff:Timeout"] = timeout,
    });

    private static string Text(string text, string mid) =>
        MessengerBot.Sample("message-text.json").Replace("Wo ist meine Bestellung 10045?", text, StringComparison.Ordinal).Replace("m_AbC123text", mid, StringComparison.Ordinal);

    private static async Task PostOkAsync(MessengerBot bot, string body)
    {
        using var response = await bot.PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
