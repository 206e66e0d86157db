using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Endpoints;

/// <summary>
/// Reads a Bot Framework activity from a request body before the adapter sees it, so that a bad
/// request gets a 4xx with a message that says what is wrong, instead of the SDK's silent 400 or
/// an exception deep in a turn (a missing conversation id would fail the state lookup with a 500).
/// </summary>
public static class ActivityReader
{
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
        return missing.Count == 0
            ? ActivityReadResult.Read(activity)
            : Bad($"The activity is missing {string.Join(", ", missing)}.");
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
