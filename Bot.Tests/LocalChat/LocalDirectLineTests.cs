using System.Net;
using System.Text;
using ConversationBot.Bot.LocalChat;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.LocalChat;

/// <summary>
/// The chat page's local Direct Line 3.0 endpoint over real HTTP (Bot/LocalChat/LocalChatEndpoints.cs):
/// the contract Web Chat relies on (watermarks, ordering, the echo of its own message), the
/// connector side the bot replies to, and what is refused. The host runs in Development.
/// </summary>
public sealed class LocalDirectLineTests : IAsyncLifetime
{
    private const int MaxActivityBytes = 4096;

    private readonly TempDatabase _database = new();
    private BotHost _host = null!;
    private LocalDirectLineClient _directLine = null!;

    public Task InitializeAsync()
    {
        _host = BotHost.Start(_database.FilePath, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Bot:MaxActivityBytes"] = MaxActivityBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, environment: "Development");
        _directLine = new LocalDirectLineClient(_host.Client);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Starting_a_conversation_welcomes_the_user_in_the_locale_the_page_asked_for()
    {
        var (started, conversationId) = await _directLine.StartAsync(locale: "de-DE");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var (activities, watermark) = await _directLine.GetAsync(conversationId!, null);
        Assert.Equal("2", watermark);
        Assert.Contains("Hallo!", activities[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("Wie kann ich dir helfen?", (string?)activities[1]["text"]);
        Assert.All(activities, a => Assert.Equal(("bot", "webchat", conversationId), ((string?)a["from"]!["role"], (string?)a["channelId"], (string?)a["conversation"]!["id"])));
    }

    [Fact]
    public async Task Activities_come_in_order_once_each_with_a_watermark_that_moves_on()
    {
        var (_, conversationId) = await _directLine.StartAsync();
        var (_, afterWelcome) = await _directLine.GetAsync(conversationId!, null);

        using var posted = await _directLine.PostAsync(conversationId!, "order 10045", clientActivityId: "client-1");
        posted.EnsureSuccessStatusCode();
        var postedId = (string?)JObject.Parse(await posted.Content.ReadAsStringAsync())["id"];
        var (activities, watermark) = await _directLine.GetAsync(conversationId!, afterWelcome);

        // The user's message first (Web Chat matches it by its clientActivityID), then the bot's replies.
        Assert.Equal(postedId, (string?)activities[0]["id"]);
        Assert.Equal(("user-1", "client-1"), ((string?)activities[0]["from"]!["id"], (string?)activities[0]["channelData"]!["clientActivityID"]));
        Assert.Contains("Order 10045", activities[1].ToString(), StringComparison.Ordinal);
        Assert.Contains("\"optIn\": \"allow\"", activities[2].ToString(), StringComparison.Ordinal);
        Assert.Equal("Is there anything else I can help you with?", (string?)activities[3]["text"]);
        Assert.All(activities.Skip(1), a => Assert.Equal(postedId, (string?)a["replyToId"]));
        Assert.Equal(activities.Count, activities.Select(a => (string?)a["id"]).Distinct().Count());
        Assert.Equal(int.Parse(afterWelcome, System.Globalization.CultureInfo.InvariantCulture) + activities.Count, int.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));

        var (again, same) = await _directLine.GetAsync(conversationId!, watermark);
        Assert.Empty(again);
        Assert.Equal(watermark, same);

        var (all, _) = await _directLine.GetAsync(conversationId!, "0");
        Assert.Equal(activities.Select(a => (string?)a["id"]), all.Skip(2).Select(a => (string?)a["id"]));
    }

    [Fact]
    public async Task The_bot_sees_a_service_url_pointing_back_at_this_host()
    {
        var (_, conversationId) = await _directLine.StartAsync();
        using var posted = await _directLine.PostAsync(conversationId!, "hello");

        var (activities, _) = await _directLine.GetAsync(conversationId!, "2");

        Assert.Equal(new Uri(_host.BaseAddress, LocalChatEndpoints.ConnectorPath).ToString().TrimEnd('/'), ((string?)activities[0]["serviceUrl"])!.TrimEnd('/'));
    }

    [Fact]
    public async Task Two_conversations_do_not_see_each_others_activities()
    {
        var (_, first) = await _directLine.StartAsync("anna");
        var (_, second) = await _directLine.StartAsync("ben");
        using var posted = await _directLine.PostAsync(first!, "order 10045", "anna");

        var (secondActivities, _) = await _directLine.GetAsync(second!, null);

        Assert.Equal(2, secondActivities.Count);
        Assert.DoesNotContain(secondActivities, a => a.ToString().Contains("10045", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conversation_that_does_not_exist_is_404_for_the_client_and_for_replies()
    {
        using var get = await _host.Client.GetAsync($"{LocalDirectLineClient.Base}/conversations/nope/activities?watermark=0");
        using var post = await _directLine.PostAsync("nope", "hello");
        using var reply = await _host.Client.PostAsync(
            $"{LocalChatEndpoints.ConnectorPath}/v3/conversations/nope/activities/some-id",
            new StringContent("""{"type":"message","text":"hi"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
    }

    [Fact]
    public async Task A_reply_to_a_conversation_lands_in_it_for_the_client_to_read()
    {
        var (_, conversationId) = await _directLine.StartAsync();

        using var reply = await _host.Client.PostAsync(
            $"{LocalChatEndpoints.ConnectorPath}/v3/conversations/{conversationId}/activities",
            new StringContent("""{"type":"message","text":"a proactive hello","from":{"id":"conversationbot","role":"bot"}}""", Encoding.UTF8, "application/json"));

        reply.EnsureSuccessStatusCode();
        var (activities, watermark) = await _directLine.GetAsync(conversationId!, "2");
        Assert.Equal("a proactive hello", (string?)Assert.Single(activities)["text"]);
        Assert.Equal("3", watermark);
    }

    [Fact]
    public async Task Bodies_over_the_size_limit_are_413_for_the_client_and_for_replies()
    {
        var (_, conversationId) = await _directLine.StartAsync();
        var tooLarge = new JObject { ["type"] = "message", ["text"] = new string('x', MaxActivityBytes) }.ToString();

        using var post = await _directLine.PostRawAsync(conversationId!, tooLarge);
        using var reply = await _host.Client.PostAsync(
            $"{LocalChatEndpoints.ConnectorPath}/v3/conversations/{conversationId}/activities",
            new StringContent(tooLarge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, post.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.StatusCode);
        var (activities, _) = await _directLine.GetAsync(conversationId!, "2");
        Assert.Empty(activities);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task A_watermark_it_did_not_give_out_is_400(string watermark)
    {
        var (_, conversationId) = await _directLine.StartAsync();

        using var response = await _host.Client.GetAsync($"{LocalDirectLineClient.Base}/conversations/{conversationId}/activities?watermark={watermark}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"text":"no type"}""")]
    public async Task A_body_that_is_not_an_activity_is_400(string body)
    {
        var (_, conversationId) = await _directLine.StartAsync();

        using var response = await _directLine.PostRawAsync(conversationId!, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_request_to_a_name_that_is_not_loopback_is_refused_so_the_bot_only_ever_posts_to_itself()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{LocalDirectLineClient.Base}/conversations") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Host = "chat.example.com";

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_page_loads_web_chat_from_its_cdn_in_the_version_the_tests_install_from_npm()
    {
        var html = await _host.Client.GetStringAsync("/");
        var npm = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tools", "chatpage", "package.json")));

        Assert.Equal(LocalChatPage.WebChatVersion, (string?)npm["dependencies"]!["botframework-webchat"]);
        Assert.Contains($"<script src=\"https://cdn.botframework.com/botframework-webchat/{LocalChatPage.WebChatVersion}/webchat.js\"", html, StringComparison.Ordinal);
        Assert.Contains("<select id=\"language\">", html, StringComparison.Ordinal);
        Assert.Contains("conversationStartProperties: { locale }", await _host.Client.GetStringAsync(LocalChatPage.ScriptPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_allows_web_chats_cdn_and_no_inline_script()
    {
        using var page = await _host.Client.GetAsync("/");

        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(LocalChatPage.ContentSecurityPolicy, policy);
        Assert.Contains("script-src 'self' https://cdn.botframework.com;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Outside_development_there_is_no_chat_page_and_no_direct_line(string environment)
    {
        using var database = new TempDatabase();
        await using var host = BotHost.Start(database.FilePath, new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }, environment: environment);

        // "/" is the start page that says this is a bot's server, not a page to chat on.
        var startPage = await host.Client.GetStringAsync("/");
        Assert.DoesNotContain("webchat", startPage, StringComparison.OrdinalIgnoreCase);
        using var page = await host.Client.GetAsync(LocalChatPage.ScriptPath);
        var start = await new LocalDirectLineClient(host.Client).StartAsync();
        using var startResponse = start.Response;
        using var reply = await host.Client.PostAsync($"{LocalChatEndpoints.ConnectorPath}/v3/conversations/x/activities", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, start.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
    }

    [Fact]
    public async Task In_development_with_an_app_id_there_is_no_chat_page()
    {
        using var database = new TempDatabase();
        await using var host = BotHost.Start(database.FilePath, new Dictionary<string, string?> { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001", ["MicrosoftAppPassword"] = "secret" }, environment: "Development");

        var start = await host.Client.GetStringAsync("/");
        using var script = await host.Client.GetAsync(LocalChatPage.ScriptPath);

        Assert.DoesNotContain("webchat", start, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }
}
