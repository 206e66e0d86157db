using ConversationBot.Notifications.Errors;
using System.Net;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// A Send API call that failed: the HTTP status and Meta's error (code, subcode, message, type,
/// fbtrace_id) as far as the body had one, and the whole body. The same code means different
/// things with different subcodes, so callers classify on (code, subcode).
/// </summary>
public sealed class MessengerSendException : PlatformRefusedException
{
    public MessengerSendException()
    {
    }

    public MessengerSendException(string message)
        : base(message)
    {
    }

    public MessengerSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refusal as the domain reads it, e.g. one marked with the product the call went through.</summary>
    public MessengerSendException(string message, PlatformError error)
        : base(message, error)
    {
        ArgumentNullException.ThrowIfNull(error);
        StatusCode = (HttpStatusCode)(error.HttpStatus ?? 0);
        Code = error.Code;
        Subcode = error.Subcode;
        GraphMessage = error.Message;
        Body = error.Body ?? string.Empty;
    }

    public MessengerSendException(HttpStatusCode statusCode, int? code, int? subcode, string? graphMessage, string? type, string? fbTraceId, string body, TimeSpan? retryAfter = null, TimeSpan? remaining = null)
        : base(
            $"The Send API answered {(int)statusCode}: code {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, subcode {subcode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}: {graphMessage ?? "(no error message)"}",
            new PlatformError((int)statusCode, code, subcode, graphMessage, retryAfter, Body: body, Remaining: remaining))
    {
        StatusCode = statusCode;
        Code = code;
        Subcode = subcode;
        GraphMessage = graphMessage;
        Type = type;
        FbTraceId = fbTraceId;
        Body = body;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>error.code, e.g. 100, 10, 551, 4, 613.</summary>
    public int? Code { get; }

    /// <summary>error.error_subcode, e.g. 1893015 (topic stopped), 2018354 (too soon).</summary>
    public int? Subcode { get; }

    /// <summary>error.message as Meta wrote it.</summary>
    public string? GraphMessage { get; }

    /// <summary>error.type, e.g. OAuthException.</summary>
    public string? Type { get; }

    /// <summary>error.fbtrace_id, for Meta's support.</summary>
    public string? FbTraceId { get; }

    /// <summary>The response body as received, to record errors nobody classified yet.</summary>
    public string Body { get; } = string.Empty;
}
