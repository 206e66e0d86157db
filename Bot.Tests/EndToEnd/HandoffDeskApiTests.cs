using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// The agent desk through the admin API with an Emulator customer (a Bot Framework channel: replies go
/// out as proactive messages to the fake channel): two agents claiming at once, a reply, the customer's
/// answer in the transcript, closing in the customer's language, and bad requests named by field.
/// </summary>
public sealed class HandoffDeskApiTests : EmulatorTest
{
    [Fact]
    public async Task Two_agents_claim_at_once_one_wins_replies_and_closes_and_the_bot_answers_again_in_German()
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        var customer = new EmulatorClient(bot, Channel, locale: "de-DE");
        await customer.SayAndReadAsync("Wo ist meine Bestellung 10045?");
        Assert.Contains("Kollegin", Assert.Single(await customer.SayAndReadAsync("Persönliche Hilfe")).Text, StringComparison.Ordinal);
        using var desk = Desk(bot);
        var path = $"/api/admin/handoffs/emulator/{Uri.EscapeDataString(customer.ConversationId)}";

        var claims = await Task.WhenAll(desk.PostAsJsonAsync($"{path}/claim", new { agent = "Ben" }), desk.PostAsJsonAsync($"{path}/claim", new { agent = "Cleo" }));
        var won = Assert.Single(claims, c => c.StatusCode == HttpStatusCode.OK);
        var lost = Assert.Single(claims, c => c.StatusCode == HttpStatusCode.Conflict);
        var winner = (await won.Content.ReadFromJsonAsync<JsonObject>())!["handoff"]!["claimedBy"]!.GetValue<string>();
        var loser = winner == "Ben" ? "Cleo" : "Ben";
        Assert.Equal($"{winner} claimed it first", (await lost.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());

        using (var refused = await desk.PostAsJsonAsync($"{path}/reply", new { agent = loser, text = "Hallo!" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal($"{winner} has this conversation", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        }

        using (var reply = await desk.PostAsJsonAsync($"{path}/reply", new { agent = winner, text = "Hallo, ich schaue nach Ihrer Bestellung." }))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        Assert.Equal(["Hallo, ich schaue nach Ihrer Bestellung."], customer.NewReplies().Select(a => a.Text));
        Assert.Empty(await customer.SayAndReadAsync("Danke, ich warte."));
        var transcript = (await desk.GetFromJsonAsync<JsonObject>($"{path}/transcript"))!;
        Assert.Equal(
            [("Agent", "Hallo, ich schaue nach Ihrer Bestellung."), ("Customer", "Danke, ich warte.")],
            transcript["lines"]!.AsArray().Where(l => !l!["beforeHandoff"]!.GetValue<bool>()).Select(l => (l!["author"]!.GetValue<string>(), l["text"]!.GetValue<string>())));
        Assert.Equal("Response", transcript["reply"]!["kind"]!.GetValue<string>());

        using (var close = await desk.PostAsJsonAsync($"{path}/close", new { agent = winner }))
        {
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        }

        Assert.Equal(["Ich bin wieder für dich da."], customer.NewReplies().Select(a => a.Text));
        Assert.NotEmpty(await customer.SayAndReadAsync("Öffnungszeiten"));
        using var gone = await desk.GetAsync(new Uri($"{path}/transcript", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("{\"agent\": 5}", "agent")]
    [InlineData("{\"agent\": \"Ben\", \"txt\": \"hi\"}", "txt")]
    [InlineData("{\"agent\": \"Ben\"", "body")]
    [InlineData("{\"text\": \"hi\"}", "agent")]
    [InlineData("{\"agent\": \"Ben\"}", "text")]
    [InlineData("null", "body")]
    public async Task A_bad_reply_body_is_a_400_naming_the_field(string body, string field)
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        using var desk = Desk(bot);

        using var response = await desk.PostAsync(new Uri("/api/admin/handoffs/emulator/c1/reply", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.DoesNotContain("ConversationBot", errors[field]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_without_an_open_hand_off_is_a_404()
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        using var desk = Desk(bot);

        using var claim = await desk.PostAsJsonAsync("/api/admin/handoffs/emulator/nobody/claim", new { agent = "Ben" });

        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        Assert.Equal("there is no open hand-off in this conversation", (await claim.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    private static HttpClient Desk(BotHost bot)
    {
        var desk = new HttpClient { BaseAddress = bot.BaseAddress };
        desk.DefaultRequestHeaders.Add("X-Api-Key", AdminClient.Key);
        return desk;
    }
}
