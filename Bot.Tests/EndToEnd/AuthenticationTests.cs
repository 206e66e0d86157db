using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>With an app id configured the bot accepts only Bot Framework tokens; nothing else runs a turn.</summary>
public sealed class AuthenticationTests : EmulatorTest
{
    private static readonly Dictionary<string, string?> SingleTenantApp = new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = "00000000-1111-2222-3333-444444444444",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["MicrosoftAppTenantId"] = "55555555-6666-7777-8888-999999999999",
    };

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    // A well-formed token from an issuer the Bot Framework does not trust. (A token naming a trusted
    // issuer would make the SDK fetch signing keys from the internet, which tests never reach.)
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F0dGFja2VyLmV4YW1wbGUiLCJhdWQiOiIwMDAwMDAwMC0xMTExLTIyMjItMzMzMy00NDQ0NDQ0NDQ0NDQifQ.c2lnbmF0dXJl")]
    public async Task A_request_without_a_valid_token_is_refused_and_runs_no_turn(string? authorization)
    {
        await using var bot = BotHost.Start(Database.FilePath, SingleTenantApp);
        var emulator = new EmulatorClient(bot, Channel);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(
                $$"""{"type":"message","text":"hi","channelId":"emulator","conversation":{"id":"{{emulator.ConversationId}}"},"from":{"id":"u1"},"recipient":{"id":"b1"},"serviceUrl":"{{Channel.ServiceUrl}}"}""",
                Encoding.UTF8,
                "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Channel.All);
    }

    [Fact]
    public async Task Without_an_app_id_the_Emulator_is_accepted_without_a_token()
    {
        await using var bot = BotHost.Start(Database.FilePath);
        var emulator = new EmulatorClient(bot, Channel);

        var replies = await emulator.SayAndReadAsync("hi");

        Assert.Equal("How can I help you?", Assert.Single(replies).Text);
        Assert.Empty(Channel.All.Single().Authorization);
    }
}
