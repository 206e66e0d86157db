using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ConversationBot.Bench.Cost;

/// <summary>
/// One customer in the Bot Framework Emulator (docs/emulator.md; the tests' EmulatorClient): channel
/// "emulator", a "&lt;guid&gt;|livechat" conversation, the reply channel as serviceUrl, no Authorization
/// header. Each post returns when the turn is over: the bot replies inside the request. Activities are
/// stamped with the host's clock (a fake one the bench moves), as a client's clock agreeing with the bot's.
/// </summary>
internal sealed class EmulatorCustomer(HttpClient bot, ReplyChannel channel, TimeProvider clock)
{
    public string ConversationId { get; } = $"{Guid.NewGuid()}|livechat";

    public string UserId { get; } = Guid.NewGuid().ToString();

    private string BotId { get; } = Guid.NewGuid().ToString();

    /// <summary>The Emulator opening the chat: a conversationUpdate adding the bot and the user (the bot welcomes the user).</summary>
    public Task OpenAsync(CancellationToken cancellationToken) => PostAsync(
        new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId, ["name"] = "Bot" }, new JsonObject { ["id"] = UserId, ["name"] = "User" }),
            ["membersRemoved"] = new JsonArray(),
        },
        cancellationToken);

    public Task SayAsync(string text, CancellationToken cancellationToken) =>
        PostAsync(new JsonObject { ["type"] = "message", ["text"] = text, ["textFormat"] = "plain" }, cancellationToken);

    /// <summary>An Adaptive Card Action.Submit: the card's data as value, no text.</summary>
    public Task SubmitAsync(JsonObject value, CancellationToken cancellationToken) =>
        PostAsync(new JsonObject { ["type"] = "message", ["value"] = value, ["channelData"] = new JsonObject { ["postBack"] = true } }, cancellationToken);

    /// <summary>The texts of the bot's replies so far.</summary>
    public IReadOnlyList<string> Replies => channel.TextsFor(ConversationId);

    private async Task PostAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        activity["id"] = Guid.NewGuid().ToString();
        activity["channelId"] = "emulator";
        activity["serviceUrl"] = channel.ServiceUrl.ToString().TrimEnd('/');
        activity["timestamp"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        activity["locale"] = "en-US";
        activity["from"] = new JsonObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" };
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" };
        activity["conversation"] = new JsonObject { ["id"] = ConversationId };
        activity["attachments"] = new JsonArray();
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await bot.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
