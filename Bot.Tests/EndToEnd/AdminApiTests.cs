using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>The operators' API: behind the admin key, absent without one, and able to give a conversation back to the bot.</summary>
public sealed class AdminApiTests : EmulatorTest
{
    private const string Key = "test-admin-key-7f3a-0123456789abcdef";
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic dGVzdC1hZG1pbi1rZXktN2YzYS0wMTIzNDU2Nzg5YWJjZGVm")]
    public async Task Without_the_right_key_nothing_is_done(string? authorization)
    {
        await using var bot = BotHost.Start(Database.FilePath, new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("talk to a person");
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/handoffs/emulator/{Uri.EscapeDataString(emulator.ConversationId)}");
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await emulator.SayAndReadAsync("hello?"));
    }

    [Fact]
    public async Task Without_a_configured_key_the_admin_api_does_not_exist()
    {
        await using var bot = BotHost.Start(Database.FilePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/handoffs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "anything");

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/sign-in")]
    public async Task Without_a_configured_key_the_console_does_not_exist(string path)
    {
        await using var bot = BotHost.Start(Database.FilePath);

        using var response = await bot.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_operator_lists_handoffs_and_gives_a_conversation_back_to_the_bot()
    {
        await using var bot = BotHost.Start(Database.FilePath, new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("talk to a person");
        Assert.Empty(await emulator.SayAndReadAsync("hello?"));
        bot.Client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var open = await bot.Client.GetFromJsonAsync<List<HandoffView>>("/api/admin/handoffs");
        using var released = await bot.Client.DeleteAsync($"/api/admin/handoffs/emulator/{Uri.EscapeDataString(emulator.ConversationId)}");
        using var again = await bot.Client.DeleteAsync($"/api/admin/handoffs/emulator/{Uri.EscapeDataString(emulator.ConversationId)}");

        Assert.Equal(emulator.UserId, Assert.Single(open!).CustomerId);
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("How can I help you?", Assert.Single(await emulator.SayAndReadAsync("hi")).Text);
    }

    private sealed record HandoffView(string ChannelId, string ConversationId, string CustomerId);
}
