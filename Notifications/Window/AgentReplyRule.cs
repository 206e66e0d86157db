namespace ConversationBot.Notifications.Window;

/// <summary>How a person's reply to a customer may go out, or that it may not.</summary>
public enum AgentReplyKind
{
    /// <summary>An ordinary reply: on Messenger <c>messaging_type: RESPONSE</c>, inside 24 hours of the customer's last message.</summary>
    Response,

    /// <summary>On Messenger from 24 hours to 7 days after the customer's last message: <c>MESSAGE_TAG</c> with <c>tag: HUMAN_AGENT</c>.</summary>
    HumanAgentTag,

    /// <summary>Not allowed now; <see cref="AgentReplyPermission.Reason"/> says why.</summary>
    Refused,
}

/// <summary>The decision for an agent's reply, with the reason in words the desk shows and, while allowed, until when.</summary>
public sealed record AgentReplyPermission(AgentReplyKind Kind, string Reason, DateTimeOffset? Until = null)
{
    public bool Allowed => Kind != AgentReplyKind.Refused;
}

/// <summary>
/// When a person may answer a customer (docs/messenger-platform.md §6; docs/handoff.md).
/// Bot Framework channels have no window: a reply may go any time. Messenger: a standard reply inside 24
/// hours of the customer's last message; from 24 hours up to 7 days only with the <c>HUMAN_AGENT</c> tag,
/// which the Page must have been granted (<c>Messenger:HumanAgentTag</c> says it has); after that nothing
/// until the customer writes again. Measured, like the messaging window, from the customer's last
/// message as the bot stamped it (<see cref="MessagingWindow"/>).
/// </summary>
public static class AgentReplyRule
{
    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    public static AgentReplyPermission Anytime { get; } = new(AgentReplyKind.Response, "this channel takes a reply at any time");

    public static AgentReplyPermission ForMessenger(MessagingWindow window, DateTimeOffset now, bool humanAgentTag)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.LastCustomerMessageAt is not { } last)
        {
            return new(AgentReplyKind.Refused, "the customer has not written on Messenger, so Messenger allows no reply");
        }

        if (window.IsOpenAt(now))
        {
            return new(AgentReplyKind.Response, "within 24 hours of the customer's last message", window.ClosesAt);
        }

        var tagEnds = last + HumanAgentWindow;
        if (now >= tagEnds)
        {
            return new(AgentReplyKind.Refused, $"the customer's last message was more than 7 days ago ({Utc(last)}); Messenger allows no reply until they write again");
        }

        return humanAgentTag
            ? new(AgentReplyKind.HumanAgentTag, "more than 24 hours since the customer's last message: sent with the HUMAN_AGENT tag", tagEnds)
            : new(AgentReplyKind.Refused, $"more than 24 hours since the customer's last message ({Utc(last)}), and the HUMAN_AGENT tag is off (Messenger:HumanAgentTag)");
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
