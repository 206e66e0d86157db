using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Endpoints;

/// <summary>
/// Reads a Bot Framework activity from a request body before the adapter sees it, so that a bad
/// request gets a 4xx with a message that says what is wrong, instead of the SDK's silent 400 or
/// an exception deep in a turn (a missing conversation id would fail the state lookup with a 500).
/// Holes a turn would trip over are removed (a null member of membersAdded) and ids no reply could
/// ever be addressed to (control characters, longer than <see cref="MaxIdLength"/>) are refused.
/// </summary>
public static class ActivityReader
{
    /// <summary>The longest id accepted (conversation, user, bot): channels' ids are far shorter, and every reply and state key carries it.</summary>
    public const int MaxIdLength = 1024;

    public static async Task<ActivityReadResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ActivityReadResult.Refused(StatusCodes.Status415UnsupportedMediaType, $"The body must be JSON (Content-Type application/json), not '{contentType}'.");
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var body = await RequestBody.ReadBoundedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge(maxBytes);
        }

        JObject json;
        try
        {
            // The body is in memory already: Newtonsoft's async reading would only add a state machine per token.
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body))) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (token is not JObject jObject)
            {
                return Bad("The body must be a JSON object: a Bot Framework activity.");
            }

            // One JSON value and nothing after it (RFC 8259): "{...} garbage" is not an activity. The
            // reader throws on most trailing text; this catches what it would read as a second value.
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    return Bad($"The body is not valid JSON: content after the activity (line {reader.LineNumber}, position {reader.LinePosition}).");
                }
            }

            json = jObject;
        }
        catch (JsonReaderException ex)
        {
            // Where, not what: the parser's message quotes the body, which can be a customer's words, and it is logged.
            return Bad($"The body is not valid JSON (line {ex.LineNumber}, position {ex.LinePosition}).");
        }

        Activity activity;
        try
        {
            activity = json.ToObject<Activity>(HttpHelper.BotMessageSerializer)
                ?? throw new JsonSerializationException("The activity is empty.");
        }
        catch (JsonException ex)
        {
            var path = ex switch
            {
                JsonSerializationException serialization => serialization.Path,
                JsonReaderException reader => reader.Path,
                _ => null,
            };
            return Bad(string.IsNullOrEmpty(path)
                ? "The body is not a Bot Framework activity."
                : $"The body is not a Bot Framework activity: the value of '{path}' does not fit that field.");
        }

        var missing = MissingFields(activity);
        if (missing.Count > 0)
        {
            return Bad($"The activity is missing {string.Join(", ", missing)}.");
        }

        if (UnusableId(activity) is { } unusable)
        {
            return Bad($"The activity's '{unusable}' cannot address a reply: control characters, or more than {MaxIdLength} characters.");
        }

        activity.MembersAdded = activity.MembersAdded?.Where(m => m is not null && !string.IsNullOrWhiteSpace(m.Id)).ToList();
        activity.MembersRemoved = activity.MembersRemoved?.Where(m => m is not null && !string.IsNullOrWhiteSpace(m.Id)).ToList();
        activity.Attachments = activity.Attachments?.Where(a => a is not null).ToList();
        return ActivityReadResult.Read(activity);
    }

    private static string? UnusableId(Activity activity)
    {
        foreach (var (name, id) in new[] { ("conversation.id", activity.Conversation?.Id), ("from.id", activity.From?.Id), ("recipient.id", activity.Recipient?.Id), ("channelId", activity.ChannelId) })
        {
            if (id is not null && (id.Length > MaxIdLength || id.Any(char.IsControl)))
            {
                return name;
            }
        }

        return null;
    }

    private static List<string> MissingFields(Activity activity)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            missing.Add("'type'");
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            missing.Add("'channelId'");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            missing.Add("'conversation.id'");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            missing.Add("an absolute http(s) 'serviceUrl'");
        }

        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            missing.Add("'from.id'");
        }

        return missing;
    }

    private static ActivityReadResult Bad(string error) => ActivityReadResult.Refused(StatusCodes.Status400BadRequest, error);

    private static ActivityReadResult TooLarge(int maxBytes) =>
        ActivityReadResult.Refused(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {maxBytes} bytes.");
}
