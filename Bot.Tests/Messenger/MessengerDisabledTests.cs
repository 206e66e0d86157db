using System.Net;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.Messenger;

public sealed class MessengerDisabledTests
{
    [Fact]
    public async Task Without_the_secrets_the_webhook_is_not_served()
    {
        using var database = new TempDatabase();
        await using var host = BotHost.Start(database.FilePath, new Dictionary<string, string?> { ["Messenger:AppSecret"] = "only-this-one" });

        using var handshake = await host.Client.GetAsync("/api/messenger?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");
        using var post = await host.Client.PostAsync("/api/messenger", new StringContent("{}"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (handshake.StatusCode, post.StatusCode));
    }
}
