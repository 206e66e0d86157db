using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Desk;

/// <summary>What became of an agent's reply: sent (and how), refused by the channel's rules before anything went out, or failed at the platform, classified.</summary>
public sealed record AgentReplyResult(AgentReplyPermission Permission, PlatformErrorAction? Failure)
{
    public bool Sent => Permission.Allowed && Failure is null;

    /// <summary>In words, for the transcript's note, the desk and the API's answer; <c>null</c> when sent.</summary>
    public string? Problem => !Permission.Allowed
        ? $"not sent: {Permission.Reason}"
        : Failure is { } failure
            ? failure.Kind == PlatformErrorActionKind.OutcomeUnknown
                ? $"may have reached the customer: {failure.Explanation}"
                : failure.MayRetry && failure.At is { } at
                    ? $"not sent: {failure.Explanation}; try again after {at.UtcDateTime:HH:mm:ss} UTC"
                    : $"not sent: {failure.Explanation}"
            : null;

    public static AgentReplyResult Refused(AgentReplyPermission permission) => new(permission, null);
}
