using System.Globalization;
using System.Net;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Endpoints;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.LocalChat;

/// <summary>
/// The chat page for local testing, served in Development only (elsewhere none of this is mapped:
/// 404): the page at <c>/</c>, a small Direct Line 3.0 endpoint for Web Chat (start a conversation,
/// post an activity, get activities after a watermark), and the connector side the bot replies to.
/// A posted activity runs a turn on the same adapter as <c>/api/messages</c>, with its serviceUrl
/// pointing back at this host, so the bot's replies travel its normal connector path (a POST to
/// <c>{serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>, as docs/emulator.md describes)
/// and land in the conversation that Web Chat polls.
/// </summary>
public static partial class LocalChatEndpoints
{
    public const string DirectLinePath = "/v3/directline";

    /// <summary>The serviceUrl of local chat activities: the connector endpoints below live under it.</summary>
    public const string ConnectorPath = "/local-chat";

    public const string ChannelId = "webchat";

    private static readonly ChannelAccount BotAccount = new("conversationbot", "ConversationBot", RoleTypes.Bot);

    /// <summary>
    /// In Development without an app id: with an app id the bot's replies would need Azure tokens
    /// for this host; the Emulator and the Agents Playground (docs/local-chat.md) are the tools for that.
    /// </summary>
    public static bool IsServed(WebApplication app) =>
        app.Environment.IsDevelopment() && string.IsNullOrEmpty(app.Configuration["MicrosoftAppId"]);

    public static WebApplication MapLocalChat(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalChatEndpoints));
        if (!IsServed(app))
        {
            if (app.Environment.IsDevelopment())
            {
                LogOffWithAppId(logger);
            }

            return app;
        }

        app.MapGet("/", (HttpContext http) =>
        {
            // Set before the security headers are applied, which keep a page's own policy (Bot/Security/SecurityHeaders.cs).
            http.Response.Headers.ContentSecurityPolicy = LocalChatPage.ContentSecurityPolicy;
            return Results.Content(LocalChatPage.Html(), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        app.MapGet(LocalChatPage.ScriptPath, () => Results.Content(LocalChatPage.Script(), "text/javascript; charset=utf-8")).ExcludeFromDescription();

        var directLine = app.MapGroup(DirectLinePath).ExcludeFromDescription();
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapPost("/tokens/refresh", () => Results.Json(new { token = "local", expires_in = 3600 }));
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);

        var connector = app.MapGroup(ConnectorPath + "/v3/conversations/{conversationId}/activities").ExcludeFromDescription();
        connector.MapPost("/", ReceiveReplyAsync);
        connector.MapPost("/{replyToId}", ReceiveReplyAsync);

        LogServing(logger);
        return app;
    }

    private static async Task<IResult> StartConversationAsync(
        HttpContext http, DirectLineConversations conversations, BotCloudAdapter adapter, IBot bot, TimeProvider time, IOptions<BotOptions> options)
    {
        if (ServiceUrl(http.Request) is not { } serviceUrl)
        {
            return NotLoopback();
        }

        var (body, refused) = await ReadJsonAsync(http, options.Value.MaxActivityBytes, required: false).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var userId = (string?)body?["user"]?["id"] is { Length: > 0 and <= ActivityReader.MaxIdLength } id && !id.Any(char.IsControl)
            ? id
            : "local-user-" + Guid.NewGuid().ToString("N")[..8];
        var locale = (string?)body?["locale"] is { Length: > 0 and <= 35 } requested ? requested : null;
        var conversation = conversations.Start(userId, locale);

        // What Direct Line tells the bot when a conversation starts: the bot and the user joined.
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = conversation.NextId(),
            MembersAdded = [BotAccount, new ChannelAccount(userId, role: RoleTypes.User)],
            MembersRemoved = [],
            From = new ChannelAccount(userId, role: RoleTypes.User),
            Locale = locale,
        };
        await RunTurnAsync(adapter, bot, Address(update, conversation, serviceUrl, time), http.RequestAborted).ConfigureAwait(false);

        return Results.Json(new { conversationId = conversation.Id, token = "local", expires_in = 3600 }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, DirectLineConversations conversations, BotCloudAdapter adapter, IBot bot, TimeProvider time, IOptions<BotOptions> options)
    {
        if (ServiceUrl(http.Request) is not { } serviceUrl)
        {
            return NotLoopback();
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return UnknownConversation(conversationId);
        }

        var (body, refused) = await ReadJsonAsync(http, options.Value.MaxActivityBytes, required: true).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        Activity activity;
        try
        {
            activity = body!.ToObject<Activity>(HttpHelper.BotMessageSerializer) ?? throw new JsonSerializationException("empty");
        }
        catch (JsonException)
        {
            return Results.Problem(detail: "The body is not a Bot Framework activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.Problem(detail: "The activity is missing 'type'.", statusCode: StatusCodes.Status400BadRequest);
        }

        activity.Id = conversation.NextId();
        activity.From ??= new ChannelAccount(conversation.UserId, role: RoleTypes.User);
        if (string.IsNullOrWhiteSpace(activity.From.Id) || activity.From.Id.Length > ActivityReader.MaxIdLength || activity.From.Id.Any(char.IsControl))
        {
            activity.From.Id = conversation.UserId;
        }

        activity.From.Role = RoleTypes.User;
        Address(activity, conversation, serviceUrl, time);

        // Stored before the turn, as Direct Line does: Web Chat sees its own message (with its
        // clientActivityID) before the bot's answers.
        if (!conversation.TryAppend(Snapshot(activity)))
        {
            return Full(conversationId);
        }

        await RunTurnAsync(adapter, bot, activity, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(new { id = activity.Id });
    }

    private static IResult GetActivities(string conversationId, string? watermark, DirectLineConversations conversations)
    {
        if (conversations.Find(conversationId) is not { } conversation)
        {
            return UnknownConversation(conversationId);
        }

        var after = 0;
        if (!string.IsNullOrEmpty(watermark) && (!int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
        {
            return Results.Problem(detail: "The watermark must be a number this endpoint gave out.", statusCode: StatusCodes.Status400BadRequest);
        }

        var (activities, next) = conversation.After(after);
        var set = new JObject
        {
            ["activities"] = new JArray(activities.Select(a => a.DeepClone())),
            ["watermark"] = next.ToString(CultureInfo.InvariantCulture),
        };
        return Results.Content(set.ToString(Formatting.None), "application/json; charset=utf-8");
    }

    /// <summary>The connector side: the bot's replies (and proactive messages) to a local conversation.</summary>
    private static async Task<IResult> ReceiveReplyAsync(
        HttpContext http, string conversationId, DirectLineConversations conversations, TimeProvider time, IOptions<BotOptions> options)
    {
        if (conversations.Find(Uri.UnescapeDataString(conversationId)) is not { } conversation)
        {
            return UnknownConversation(conversationId);
        }

        var (body, refused) = await ReadJsonAsync(http, options.Value.MaxActivityBytes, required: true).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var id = conversation.NextId();
        body!["id"] = id;
        body["timestamp"] ??= time.GetUtcNow().ToString("o", CultureInfo.InvariantCulture);
        return conversation.TryAppend(body) ? Results.Json(new { id }) : Full(conversation.Id);
    }

    private static Activity Address(Activity activity, DirectLineConversation conversation, Uri serviceUrl, TimeProvider time)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = serviceUrl.ToString();
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = BotAccount;
        activity.Timestamp = time.GetUtcNow();
        activity.Locale ??= conversation.Locale;
        return activity;
    }

    private static Task RunTurnAsync(BotCloudAdapter adapter, IBot bot, Activity activity, CancellationToken cancellationToken) =>
        // No app id is configured (MapLocalChat checks), so there is no token to check.
        adapter.ProcessAsync(authHeader: null, activity, bot, cancellationToken);

    private static JObject Snapshot(Activity activity) => JObject.FromObject(activity, HttpHelper.BotMessageSerializer);

    /// <summary>
    /// This host as the bot will reach it: the address the browser used, which must be a loopback
    /// one, so the bot never posts anywhere but to itself on this machine.
    /// </summary>
    private static Uri? ServiceUrl(HttpRequest request)
    {
        var host = request.Host.Host;
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        return loopback ? new Uri($"{request.Scheme}://{request.Host}{ConnectorPath}") : null;
    }

    private static async Task<(JObject? Body, IResult? Refused)> ReadJsonAsync(HttpContext http, int maxBytes, bool required)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var bytes = await RequestBody.ReadBoundedAsync(http.Request.Body, maxBytes, http.RequestAborted).ConfigureAwait(false);
        if (bytes is null)
        {
            return (null, TooLarge(maxBytes));
        }

        if (bytes.Length == 0 && !required)
        {
            return (null, null);
        }

        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(bytes))) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) is JObject json
                ? (json, null)
                : (null, Results.Problem(detail: "The body must be a JSON object.", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (JsonReaderException)
        {
            return (null, Results.Problem(detail: "The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(detail: $"The activity is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult UnknownConversation(string conversationId) =>
        Results.Problem(detail: $"There is no conversation '{conversationId}' (the host restarted, or it was the oldest of too many): reload the page.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Full(string conversationId) =>
        Results.Problem(detail: $"Conversation '{conversationId}' holds as many activities as LocalChat:MaxActivitiesPerConversation allows: reload the page.", statusCode: StatusCodes.Status429TooManyRequests);

    private static IResult NotLoopback() =>
        Results.Problem(detail: "The local chat answers on a loopback address only (localhost, 127.0.0.1, [::1]).", statusCode: StatusCodes.Status403Forbidden);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development: the chat page is served at / with a local Direct Line endpoint at " + DirectLinePath)]
    private static partial void LogServing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development with MicrosoftAppId set: the local chat page is not served (its replies would need Azure tokens); use the Emulator or the Agents Playground")]
    private static partial void LogOffWithAppId(ILogger logger);
}
