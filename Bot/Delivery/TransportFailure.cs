using ConversationBot.Notifications.Errors;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// A send that got no HTTP answer, as a <see cref="PlatformError"/>. Only a failure to connect means
/// the request never left (safe to send again); anything after that (reset, closed, unreadable
/// answer) may have delivered the message, and a message must not go out twice.
/// </summary>
internal static class TransportFailure
{
    public static PlatformError Of(HttpRequestException failure) => failure.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
            => PlatformError.Unreachable(failure.Message),
        _ => PlatformError.ConnectionLost(failure.Message),
    };
}
