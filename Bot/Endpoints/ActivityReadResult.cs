using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Endpoints;

/// <summary>An inbound activity, or why the request carrying it is refused (status code and a message for the caller).</summary>
public sealed record ActivityReadResult(Activity? Activity, int StatusCode, string? Error)
{
    public static ActivityReadResult Read(Activity activity) => new(activity, StatusCodes.Status200OK, null);

    public static ActivityReadResult Refused(int statusCode, string error) => new(null, statusCode, error);
}
