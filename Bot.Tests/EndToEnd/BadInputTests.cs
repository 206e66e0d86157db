using System.Net;
using System.Text;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>Requests a bot endpoint must survive: each gets a clear 4xx (never a 500) and the channel hears nothing.</summary>
public sealed class BadInputTests : EmulatorTest
{
    private BotHost _bot = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bot = BotHost.Start(Database.FilePath);
    }

    public override async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await base.DisposeAsync();
    }

    public static TheoryData<string, HttpStatusCode, string> BadBodies => new()
    {
        { "{ this is not json", HttpStatusCode.BadRequest, "not valid JSON" },
        { "", HttpStatusCode.BadRequest, "not valid JSON" },
        { "[1, 2, 3]", HttpStatusCode.BadRequest, "must be a JSON object" },
        { "\"hello\"", HttpStatusCode.BadRequest, "must be a JSON object" },
        { "{}", HttpStatusCode.BadRequest, "missing 'type'" },
        { """{"type":"message","text":"hi"}""", HttpStatusCode.BadRequest, "'conversation.id'" },
        { """{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":"c1"},"from":{"id":"u1"},"serviceUrl":"not a url"}""", HttpStatusCode.BadRequest, "serviceUrl" },
        { """{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":"c1"},"serviceUrl":"http://127.0.0.1:9"}""", HttpStatusCode.BadRequest, "'from.id'" },
        { """{"type":"message","timestamp":"yesterday","channelId":"emulator","conversation":{"id":"c1"},"from":{"id":"u1"},"serviceUrl":"http://127.0.0.1:9"}""", HttpStatusCode.BadRequest, "not a Bot Framework activity" },
        { """{"type":["message"]}""", HttpStatusCode.BadRequest, "not a Bot Framework activity" },
        { """{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":"c1"},"from":{"id":"u1"},"serviceUrl":"http://127.0.0.1:9"} garbage {{{""", HttpStatusCode.BadRequest, "not valid JSON" },
        { """{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":"c1"},"from":{"id":"u1"},"serviceUrl":"http://127.0.0.1:9"}{}""", HttpStatusCode.BadRequest, "not valid JSON" },
        { """{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":"c1\u0000"},"from":{"id":"u1"},"serviceUrl":"http://127.0.0.1:9"}""", HttpStatusCode.BadRequest, "'conversation.id' cannot address a reply" },
        { """{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":"c1"},"from":{"id":"u1\n"},"serviceUrl":"http://127.0.0.1:9"}""", HttpStatusCode.BadRequest, "'from.id' cannot address a reply" },
        { """{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":" """ + new string('c', 100_000) + """ "},"from":{"id":"u1"},"serviceUrl":"http://127.0.0.1:9"}""", HttpStatusCode.BadRequest, "more than 1024 characters" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_body_that_is_not_a_usable_activity_is_refused_with_a_clear_message(string body, HttpStatusCode expected, string message)
    {
        using var response = await PostAsync(body, "application/json");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Channel.All);
    }

    [Fact]
    public async Task A_huge_body_is_refused_before_it_is_read_whole()
    {
        var huge = """{"type":"message","text":" """ + new string('x', 300_000) + "\"}";

        using var response = await PostAsync(huge, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Channel.All);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_its_content_type_is_refused()
    {
        using var response = await PostAsync("hello", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("somethingNew")]
    public async Task Activity_types_the_bot_does_not_answer_are_accepted_and_ignored(string type)
    {
        var body = $$"""{"type":"{{type}}","channelId":"emulator","conversation":{"id":"c1|livechat"},"from":{"id":"u1","role":"user"},"recipient":{"id":"b1","role":"bot"},"serviceUrl":"{{Channel.ServiceUrl}}"}""";

        using var response = await PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Channel.All);
    }

    [Fact]
    public async Task Holes_in_a_conversation_update_are_skipped_and_a_huge_name_is_greeted_clipped()
    {
        var name = new string('N', 100_000);
        var body = $$"""{"type":"conversationUpdate","channelId":"emulator","conversation":{"id":"c2|livechat"},"from":{"id":"u2","role":"user"},"recipient":{"id":"b1","role":"bot"},"serviceUrl":"{{Channel.ServiceUrl}}","locale":"en-US","membersAdded":[null,{"id":"b1","name":"Bot"},{"id":"u2","name":"{{name}}"}]}""";

        using var response = await PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Channel.All[0].Activity.Attachments[0].Content!.ToString()!;
        Assert.Contains(new string('N', 39) + "…", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('N', 40), welcome, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string contentType) =>
        _bot.Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));
}
