using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// The Graph Send API: replies to a customer (messaging_type RESPONSE), sender actions, and
/// messages to a recurring-notification token (the proactive delivery service uses this too).
/// The page access token goes in the query string as Meta documents it; it is never logged, and
/// the failure messages carry Meta's error, never the request URL.
/// </summary>
public sealed partial class MessengerSendClient(IHttpClientFactory httpClients, IOptions<MessengerOptions> options, TimeProvider clock, ILogger<MessengerSendClient> logger)
{
    public const string HttpClientName = "Messenger";

    /// <summary>An ordinary reply within the 24-hour window. <paramref name="message"/> is the Send API's "message" object.</summary>
    public Task<MessengerSendResult> SendResponseAsync(string psid, JsonObject message, CancellationToken cancellationToken) =>
        PostAsync(
            new JsonObject
            {
                ["recipient"] = new JsonObject { ["id"] = psid },
                ["messaging_type"] = "RESPONSE",
                ["message"] = message.DeepClone(),
            },
            cancellationToken);

    /// <summary>
    /// A person's reply from 24 hours to 7 days after the customer's last message: <c>MESSAGE_TAG</c> with
    /// <c>HUMAN_AGENT</c>, which the Page must have been granted (docs/handoff.md; Notifications/Window/AgentReplyRule.cs decides when).
    /// </summary>
    public Task<MessengerSendResult> SendHumanAgentAsync(string psid, JsonObject message, CancellationToken cancellationToken) =>
        PostAsync(
            new JsonObject
            {
                ["recipient"] = new JsonObject { ["id"] = psid },
                ["messaging_type"] = "MESSAGE_TAG",
                ["tag"] = "HUMAN_AGENT",
                ["message"] = message.DeepClone(),
            },
            cancellationToken);

    /// <summary>typing_on, typing_off or mark_seen.</summary>
    public Task<MessengerSendResult> SendSenderActionAsync(string psid, string senderAction, CancellationToken cancellationToken) =>
        PostAsync(
            new JsonObject
            {
                ["recipient"] = new JsonObject { ["id"] = psid },
                ["sender_action"] = senderAction,
            },
            cancellationToken);

    /// <summary>
    /// A message to a recurring-notification token, allowed outside the 24-hour window. No
    /// messaging_type, as in Meta's own samples (docs/messenger-platform.md §4).
    /// </summary>
    public Task<MessengerSendResult> SendWithTokenAsync(string notificationMessagesToken, JsonObject message, CancellationToken cancellationToken) =>
        PostAsync(TokenBody(notificationMessagesToken, message), cancellationToken);

    /// <summary>The Send API body of a message with a token; also what a campaign's preview shows (Bot/Admin/CampaignPreviewView.cs).</summary>
    public static JsonObject TokenBody(string notificationMessagesToken, JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["recipient"] = new JsonObject { ["notification_messages_token"] = notificationMessagesToken },
            ["message"] = message.DeepClone(),
        };
    }

    /// <summary>
    /// A private reply to a comment on the Page's posts: one message per comment, within 7 days, no
    /// messaging_type (as in Meta's samples; docs/messenger-platform.md §10).
    /// </summary>
    public Task<MessengerSendResult> SendPrivateReplyAsync(string commentId, JsonObject message, CancellationToken cancellationToken) =>
        PostAsync(
            new JsonObject
            {
                ["recipient"] = new JsonObject { ["comment_id"] = commentId },
                ["message"] = message.DeepClone(),
            },
            cancellationToken);

    /// <summary>
    /// The handover protocol: gives the customer's thread to another app (the Page Inbox), which then
    /// answers while the bot gets the customer's messages on the standby channel (docs/handoff.md).
    /// </summary>
    public Task PassThreadControlAsync(string psid, string targetAppId, string metadata, CancellationToken cancellationToken) =>
        PostAsync(
            new JsonObject
            {
                ["recipient"] = new JsonObject { ["id"] = psid },
                ["target_app_id"] = targetAppId,
                ["metadata"] = metadata,
            },
            cancellationToken,
            "pass_thread_control");

    /// <summary>The handover protocol: takes the customer's thread back from the app that holds it (the bot is the Page's primary receiver).</summary>
    public Task TakeThreadControlAsync(string psid, string metadata, CancellationToken cancellationToken) =>
        PostAsync(
            new JsonObject
            {
                ["recipient"] = new JsonObject { ["id"] = psid },
                ["metadata"] = metadata,
            },
            cancellationToken,
            "take_thread_control");

    private async Task<MessengerSendResult> PostAsync(JsonObject body, CancellationToken cancellationToken, string edge = "messages")
    {
        var settings = options.Value;
        var url = new Uri($"{settings.PageEdgeUrl(edge).AbsoluteUri}?access_token={Uri.EscapeDataString(settings.PageAccessToken ?? string.Empty)}");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var failure = ReadError(response.StatusCode, text, RetryAfter(response, clock.GetUtcNow()));
            LogSendFailed(logger, (int)response.StatusCode, failure.Code, failure.Subcode, failure.GraphMessage, failure.FbTraceId);
            throw failure;
        }

        return ReadResult(text);
    }

    private static MessengerSendResult ReadResult(string text)
    {
        try
        {
            var json = JsonNode.Parse(text) as JsonObject;

            // One of Meta's pages shows {"recipient": {"id": ...}} instead of "recipient_id": read both.
            var recipient = json?["recipient_id"]?.GetValue<string>() ?? (json?["recipient"] as JsonObject)?["id"]?.GetValue<string>();
            return new MessengerSendResult(recipient, json?["message_id"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // A 2xx is a delivered message even when its body surprises us.
            return new MessengerSendResult(null, null);
        }
    }

    /// <summary>Meta's {"error": {...}}; a body that is not one still becomes an exception with the body kept.</summary>
    internal static MessengerSendException ReadError(HttpStatusCode status, string text, TimeSpan? retryAfter = null)
    {
        try
        {
            if (JsonNode.Parse(text)?["error"] is JsonObject error)
            {
                return new MessengerSendException(
                    status,
                    Number(error["code"]),
                    Number(error["error_subcode"]),
                    Text(error["message"]),
                    Text(error["type"]),
                    Text(error["fbtrace_id"]),
                    text,
                    retryAfter,
                    RemainingSeconds(error["error_data"]));
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty 502): fall through with the body as it is.
        }

        return new MessengerSendException(status, null, null, null, null, null, text, retryAfter);
    }

    /// <summary>
    /// <c>error_data.remaining_seconds</c> (Marketing Messages' pacing errors): Meta does not say whether
    /// error_data is an object or a JSON string, nor whether the number is quoted, so all are read.
    /// </summary>
    private static TimeSpan? RemainingSeconds(JsonNode? errorData)
    {
        var data = errorData;
        if (errorData is JsonValue value && value.TryGetValue<string>(out var embedded))
        {
            try
            {
                data = JsonNode.Parse(embedded);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return data is JsonObject fields && Number(fields["remaining_seconds"]) is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>Retry-After as seconds or as a date; <c>null</c> when absent.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    private static int? Number(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<int>(out var number) || (value.TryGetValue<string>(out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out number)))
            ? number
            : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Messenger Send API answered {StatusCode}: code {Code}, subcode {Subcode}: {GraphMessage} (fbtrace_id {FbTraceId})")]
    private static partial void LogSendFailed(ILogger logger, int statusCode, int? code, int? subcode, string? graphMessage, string? fbTraceId);
}
