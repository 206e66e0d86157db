using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// An agent's reply to a Messenger customer by Meta's rules, through the admin API on the real host with
/// the fake Graph API and a fake clock: inside 24 hours of the customer's last message a RESPONSE, from
/// 24 hours to 7 days the HUMAN_AGENT tag when the Page has it (Messenger:HumanAgentTag), otherwise
/// refused with the reason (409) and nothing sent.
/// </summary>
public sealed class MessengerHumanAgentTests
{
    [Theory]
    [InlineData(23, true, "RESPONSE", null)]
    [InlineData(25, true, "MESSAGE_TAG", "HUMAN_AGENT")]
    public async Task A_reply_goes_out_as_the_time_since_the_customers_last_message_allows(int hoursLater, bool tagOn, string messagingType, string? tag)
    {
        await using var bot = await StartAsync(tagOn);
        var desk = await HandOffAsync(bot);
        await bot.AdvanceAsync(TimeSpan.FromHours(hoursLater) - TimeSpan.FromMinutes(1));
        var before = bot.Graph.Requests.Count;

        using var reply = await desk.PostAsJsonAsync(Path("reply"), new { agent = "Ben", text = "Hi, Ben here: your parcel left today." });

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var sent = Assert.Single(bot.Graph.Requests.Skip(before));
        Assert.Equal((MessengerBot.Psid, messagingType, tag, "Hi, Ben here: your parcel left today."), (sent.RecipientId, sent.MessagingType, sent.Body["tag"]?.GetValue<string>(), sent.Body["message"]!["text"]!.GetValue<string>()));
        var transcript = await desk.GetFromJsonAsync<JsonObject>(Path("transcript"));
        var last = transcript!["lines"]!.AsArray()[^1]!;
        Assert.Equal(("Agent", "Ben", null), (last["author"]!.GetValue<string>(), last["agentName"]!.GetValue<string>(), last["note"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData(24 * 8, true, "more than 7 days ago")]
    [InlineData(25, false, "the HUMAN_AGENT tag is off (Messenger:HumanAgentTag)")]
    public async Task A_reply_the_rules_forbid_is_refused_with_the_reason_and_nothing_is_sent(int hoursLater, bool tagOn, string reason)
    {
        await using var bot = await StartAsync(tagOn);
        var desk = await HandOffAsync(bot);
        await bot.AdvanceAsync(TimeSpan.FromHours(hoursLater));
        var before = bot.Graph.Requests.Count;

        var transcript = await desk.GetFromJsonAsync<JsonObject>(Path("transcript"));
        using var reply = await desk.PostAsJsonAsync(Path("reply"), new { agent = "Ben", text = "Are you still there?" });

        Assert.Equal(HttpStatusCode.Conflict, reply.StatusCode);
        Assert.Contains(reason, (await reply.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(bot.Graph.Requests.Count, before);
        Assert.Equal((false, "Refused"), (transcript!["reply"]!["allowed"]!.GetValue<bool>(), transcript["reply"]!["kind"]!.GetValue<string>()));
        Assert.Contains(reason, transcript["reply"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_error_is_classified_kept_in_the_transcript_and_answered_502()
    {
        await using var bot = await StartAsync(tagOn: true);
        var desk = await HandOffAsync(bot);
        bot.Graph.AnswerNext(400, MessengerBot.Sample("send-error-user-unavailable.json"));

        using var reply = await desk.PostAsJsonAsync(Path("reply"), new { agent = "Ben", text = "Hello?" });

        Assert.Equal(HttpStatusCode.BadGateway, reply.StatusCode);
        Assert.Contains("the person is unavailable", (await reply.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var last = (await desk.GetFromJsonAsync<JsonObject>(Path("transcript")))!["lines"]!.AsArray()[^1]!;
        Assert.Equal(("Hello?", "not sent: the person is unavailable"), (last["text"]!.GetValue<string>(), last["note"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Closing_after_24_hours_sends_no_bot_message_with_the_human_agent_tag_and_notes_why()
    {
        await using var bot = await StartAsync(tagOn: true);
        var desk = await HandOffAsync(bot);
        await bot.AdvanceAsync(TimeSpan.FromHours(25));
        var before = bot.Graph.Requests.Count;

        using var close = await desk.PostAsJsonAsync(Path("close"), new { agent = "Ben" });

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Contains("the HUMAN_AGENT tag is for a person's words", (await close.Content.ReadFromJsonAsync<JsonObject>())!["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, bot.Graph.Requests.Count);
    }

    [Fact]
    public async Task With_the_page_inbox_as_the_desk_the_console_refuses_replies_and_a_close_takes_the_thread_back_before_the_bot_greets()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings(new Dictionary<string, string?> { ["Handoff:Messenger"] = "PageInbox" }));
        var desk = await HandOffAsync(bot);
        var before = bot.Graph.Requests.Count;

        using (var reply = await desk.PostAsJsonAsync(Path("reply"), new { agent = "Ben", text = "Hi!" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, reply.StatusCode);
            Assert.Contains("Page Inbox", (await reply.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using var close = await desk.PostAsJsonAsync(Path("close"), new { agent = "Ben" });

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(["pass_thread_control", "take_thread_control"], bot.Graph.ThreadControls.Select(c => c.Edge));
        var greeting = Assert.Single(bot.Graph.Requests.Skip(before));
        Assert.Equal(("RESPONSE", "I'm back to help."), (greeting.MessagingType, greeting.Body["message"]!["text"]!.GetValue<string>()));
    }

    private static string Path(string action) => $"/api/admin/handoffs/messenger/{MessengerBot.Psid}/{action}";

    private static Task<MessengerBot> StartAsync(bool tagOn) => MessengerBot.StartAsync(settings: AdminClient.Settings(new Dictionary<string, string?>
    {
        ["Messenger:HumanAgentTag"] = tagOn ? "true" : "false",

        // Open long enough to reach the HUMAN_AGENT window and past it (the default is a day).
        ["Handoff:Timeout"] = "10.00:00:00",
    }));

    /// <summary>The customer asks for a person (at the samples' instant); an agent claims it. The admin API's client.</summary>
    private static async Task<HttpClient> HandOffAsync(MessengerBot bot)
    {
        var body = MessengerBot.Sample("message-text.json").Replace("Wo ist meine Bestellung 10045?", "talk to a person", StringComparison.Ordinal);
        using (var asked = await bot.PostSignedAsync(body))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        Assert.Contains("colleague", bot.Graph.Messages[^1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var desk = new HttpClient { BaseAddress = bot.Host.BaseAddress };
        desk.DefaultRequestHeaders.Add("X-Api-Key", AdminClient.Key);
        using var claim = await desk.PostAsJsonAsync(Path("claim"), new { agent = "Ben" });
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        return desk;
    }
}
