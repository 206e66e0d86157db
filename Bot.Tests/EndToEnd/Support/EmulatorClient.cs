using System.Net.Http.Headers;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// Posts activities exactly as the Bot Framework Emulator 4.15 does (docs/emulator.md):
/// channel "emulator", a "&lt;guid&gt;|livechat" conversation, GUID ids for bot, user and each activity,
/// timestamps, locale, the fake channel as serviceUrl, and no Authorization header.
/// </summary>
public sealed class EmulatorClient(BotHost bot, FakeChannel channel, string locale = "en-US")
{
    private BotHost _bot = bot;
    private int _seen;

    public string ConversationId { get; } = $"{Guid.NewGuid()}|livechat";

    public string UserId { get; } = Guid.NewGuid().ToString();

    public string BotId { get; } = Guid.NewGuid().ToString();

    public Task<HttpResponseMessage> OpenAsync() => PostAsync(Stamp(new JObject
    {
        ["type"] = ActivityTypes.ConversationUpdate,
        ["membersAdded"] = new JArray(new JObject { ["id"] = BotId, ["name"] = "Bot" }, new JObject { ["id"] = UserId, ["name"] = "User" }),
        ["membersRemoved"] = new JArray(),
    }));

    public Task<HttpResponseMessage> SayAsync(string text) => PostAsync(Stamp(new JObject
    {
        ["type"] = ActivityTypes.Message,
        ["text"] = text,
        ["textFormat"] = "plain",
        ["attachments"] = new JArray(),
    }));

    /// <summary>
    /// An Adaptive Card Action.Submit with object data: the data as value, no text; with the id of the
    /// card's message as replyToId when given (as Teams sends it).
    /// </summary>
    public Task<HttpResponseMessage> SubmitAsync(object data, string? replyToId = null)
    {
        var activity = Stamp(new JObject
        {
            ["type"] = ActivityTypes.Message,
            ["value"] = JObject.FromObject(data),
            ["attachments"] = new JArray(),
        });
        activity["channelData"]!["postBack"] = true;
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return PostAsync(activity);
    }

    /// <summary>Keeps this conversation going with another host, e.g. the bot restarted on the same database.</summary>
    public void SwitchTo(BotHost restarted) => _bot = restarted;

    /// <summary>The bot's replies since the last call.</summary>
    public IReadOnlyList<Activity> NewReplies()
    {
        var all = channel.ActivitiesFor(ConversationId);
        var fresh = all.Skip(_seen).ToList();
        _seen = all.Count;
        return fresh;
    }

    public async Task<IReadOnlyList<Activity>> SayAndReadAsync(string text)
    {
        using var response = await SayAsync(text);
        response.EnsureSuccessStatusCode();
        return NewReplies();
    }

    private JObject Stamp(JObject activity)
    {
        var now = TimeProvider.System.GetUtcNow();
        activity["id"] = Guid.NewGuid().ToString();
        activity["channelId"] = "emulator";
        activity["serviceUrl"] = channel.ServiceUrl.ToString().TrimEnd('/');
        activity["timestamp"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        activity["localTimestamp"] = now.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        activity["localTimezone"] = "Europe/Zurich";
        activity["locale"] = locale;
        activity["from"] = new JObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" };
        activity["recipient"] = new JObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" };
        activity["conversation"] = new JObject { ["id"] = ConversationId };
        activity["channelData"] = new JObject { ["clientActivityID"] = $"{Guid.NewGuid():N}" };
        return activity;
    }

    private Task<HttpResponseMessage> PostAsync(JObject activity)
    {
        var content = new StringContent(activity.ToString(Formatting.None), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _bot.Client.PostAsync("/api/messages", content);
    }
}
