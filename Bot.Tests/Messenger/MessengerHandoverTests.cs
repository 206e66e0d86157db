using System.Net;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// Meta's Page Inbox as the desk (<c>Handoff:Messenger=PageInbox</c>), with the handover protocol's
/// shapes as Meta documents them (Bot.Tests/Messenger/Samples/standby-message.json,
/// handover-*.json) on the real host with the fake Graph API: the thread passed to the inbox, a standby
/// message kept in the transcript and not answered, a typed stop in standby honoured, the thread passed
/// back and the bot greeting the customer, and another app's request answered by the policy.
/// </summary>
public sealed class MessengerHandoverTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_inbox_gets_the_thread_standby_messages_are_kept_not_answered_a_stop_counts_and_the_bot_greets_when_it_is_passed_back()
    {
        await using var bot = await StartAsync(ThreadControlRequestPolicy.Keep);
        var consent = bot.Host.Services.GetRequiredService<ConsentService>();
        await consent.ApplyAsync(ConsentEvent.OptIn(MessengerBot.Psid, bot.Clock.GetUtcNow(), "token-1", "topic:weekly-deals", "Weekly deals from our shop", "Europe/Zurich"), None);

        await PostOkAsync(bot, Text("talk to a person", "m_handover_ask"));
        Assert.Contains("colleague", bot.Graph.Messages[^1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var pass = Assert.Single(bot.Graph.ThreadControls);
        Assert.Equal(("pass_thread_control", MessengerBot.Psid, "263902037430900"), (pass.Edge, pass.Body["recipient"]!["id"]!.GetValue<string>(), pass.Body["target_app_id"]!.GetValue<string>()));
        var sent = bot.Graph.Requests.Count;

        // A minute later, on the standby channel (the sample's instant moved on by 60 s).
        await PostOkAsync(bot, MessengerBot.Sample("standby-message.json").Replace("1795600000000", "1795600060000", StringComparison.Ordinal));
        await PostOkAsync(bot, MessengerBot.Sample("standby-message.json").Replace("Is anyone there?", "stop", StringComparison.Ordinal).Replace("m_StandbyText1", "m_StandbyStop", StringComparison.Ordinal));

        Assert.Equal(sent, bot.Graph.Requests.Count);
        var handoff = (await bot.Host.Services.GetRequiredService<IHandoffStore>().FindAsync("messenger", MessengerBot.Psid, None))!;
        var lines = await bot.Host.Services.GetRequiredService<IHandoffTranscriptStore>().ReadAsync(handoff, None);
        Assert.Equal(["Is anyone there?", "stop"], lines.Where(l => !l.BeforeHandoff && l.Author == TranscriptAuthor.Customer).Select(l => l.Text));
        var window = await bot.Host.Services.GetRequiredService<IMessagingWindowStore>().GetAsync("messenger", MessengerBot.Psid, None);
        Assert.Equal(MessengerSamples.Instant.AddMinutes(1), window.LastCustomerMessageAt);
        var subscription = Assert.Single(await bot.Host.Services.GetRequiredService<ISubscriptionStore>().ListByCustomerAsync("messenger", MessengerBot.Psid, None));
        Assert.Equal(SubscriptionStatus.Stopped, subscription.Status);

        await bot.AdvanceAsync(TimeSpan.FromMinutes(1));
        await PostOkAsync(bot, MessengerBot.Sample("handover-pass-thread-control.json"));

        var greeting = Assert.Single(bot.Graph.Requests.Skip(sent));
        Assert.Equal(("RESPONSE", "I'm back to help."), (greeting.MessagingType, greeting.Body["message"]!["text"]!.GetValue<string>()));
        Assert.Null(await bot.Host.Services.GetRequiredService<IHandoffStore>().FindAsync("messenger", MessengerBot.Psid, None));
        await PostOkAsync(bot, Text("opening hours", "m_handover_after"));
        Assert.True(bot.Graph.Requests.Count > sent + 1, "the bot answers the customer's next message");

        // Meta redelivers the event: the customer is greeted once.
        var count = bot.Graph.Requests.Count;
        await PostOkAsync(bot, MessengerBot.Sample("handover-pass-thread-control.json"));
        Assert.Equal(count, bot.Graph.Requests.Count);
    }

    [Fact]
    public async Task Back_to_the_bot_typed_while_the_inbox_holds_the_thread_takes_it_back_and_the_bot_answers()
    {
        await using var bot = await StartAsync(ThreadControlRequestPolicy.Keep);
        await PostOkAsync(bot, Text("talk to a person", "m_handover_ask"));
        var sent = bot.Graph.Requests.Count;

        await PostOkAsync(bot, MessengerBot.Sample("standby-message.json").Replace("Is anyone there?", "back to the bot", StringComparison.Ordinal));

        Assert.Equal(["pass_thread_control", "take_thread_control"], bot.Graph.ThreadControls.Select(c => c.Edge));
        Assert.Contains(bot.Graph.Requests.Skip(sent), r => r.Body["message"]?["text"]?.GetValue<string>() == "I'm back to help.");
        Assert.Null(await bot.Host.Services.GetRequiredService<IHandoffStore>().FindAsync("messenger", MessengerBot.Psid, None));
    }

    [Theory]
    [InlineData(ThreadControlRequestPolicy.Pass, true)]
    [InlineData(ThreadControlRequestPolicy.Keep, false)]
    public async Task Another_apps_request_for_the_thread_is_answered_by_the_policy(ThreadControlRequestPolicy policy, bool passed)
    {
        await using var bot = await StartAsync(policy);

        await PostOkAsync(bot, MessengerBot.Sample("handover-request-thread-control.json"));
        var aside = await bot.Host.Services.GetRequiredService<ConversationBot.Bot.Messenger.IMessengerEventLog>().ListSetAsideAsync(10, None);
        Assert.True(aside.Count == 0, string.Join("\n", aside.Select(a => a.Reason)));

        Assert.Equal(
            passed ? [("pass_thread_control", "123456789012345")] : [],
            bot.Graph.ThreadControls.Select(c => (c.Edge, c.Body["target_app_id"]!.GetValue<string>())));
        Assert.Empty(bot.Graph.Requests);
    }

    private static Task<MessengerBot> StartAsync(ThreadControlRequestPolicy policy) => MessengerBot.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Handoff:Messenger"] = "PageInbox",
        ["Handoff:ThreadControlRequests"] = policy.ToString(),
    });

    private static string Text(string text, string mid) =>
        MessengerBot.Sample("message-text.json").Replace("Wo ist meine Bestellung 10045?", text, StringComparison.Ordinal).Replace("m_AbC123text", mid, StringComparison.Ordinal);

    private static async Task PostOkAsync(MessengerBot bot, string body)
    {
        using var response = await bot.PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
