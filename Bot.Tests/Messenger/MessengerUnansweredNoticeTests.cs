using System.Net;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// The notice to a Messenger customer nobody has answered (Bot/Desk/UnansweredHandoffNotices.cs) on the
/// real host with the fake Graph API and a fake clock: with the bot's desk it goes as a RESPONSE inside
/// the 24-hour window, once; with Meta's Page Inbox holding the thread the bot sends nothing.
/// </summary>
public sealed class MessengerUnansweredNoticeTests
{
    private const string Notice = "Thanks for waiting. Everyone is busy at the moment; a colleague will answer you here as soon as they can.";

    [Fact]
    public async Task With_the_bots_desk_the_notice_goes_once_as_a_response()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        await AskForAPersonAsync(bot);
        var before = bot.Graph.Requests.Count;

        await bot.AdvanceAsync(TimeSpan.FromMinutes(5));
        await Polling.UntilAsync(
            () => Task.FromResult(bot.Graph.Requests.Count),
            count => count > before,
            TimeSpan.FromSeconds(20),
            _ => "no notice reached the Send API",
            betweenPolls: () => bot.Clock.Advance(TimeSpan.FromSeconds(1)));
        await bot.AdvanceAsync(TimeSpan.FromMinutes(10));

        var sent = Assert.Single(bot.Graph.Requests.Skip(before));
        Assert.Equal((MessengerBot.Psid, "RESPONSE"), (sent.RecipientId, sent.MessagingType));
        Assert.StartsWith("Thanks for waiting.", sent.Body["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_page_inbox_holds_the_thread_the_bot_sends_no_notice()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings(new Dictionary<string, string?> { ["Handoff:Messenger"] = "PageInbox" }));
        await AskForAPersonAsync(bot);
        var before = bot.Graph.Requests.Count;

        for (var step = 0; step < 20; step++)
        {
            await bot.AdvanceAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(0, await bot.Host.Services.GetRequiredService<ConversationBot.Bot.Desk.UnansweredHandoffNotices>().NotifyAsync(CancellationToken.None));
        Assert.DoesNotContain(bot.Graph.Requests.Skip(before), r => r.Body["message"]?["text"]?.GetValue<string>() == Notice);
    }

    private static async Task AskForAPersonAsync(MessengerBot bot)
    {
        var body = MessengerBot.Sample("message-text.json").Replace("Wo ist meine Bestellung 10045?", "talk to a person", StringComparison.Ordinal);
        using var asked = await bot.PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("colleague", bot.Graph.Messages[^1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
