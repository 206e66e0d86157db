namespace ConversationBot.Notifications.Profiles;

/// <summary>How the platform limits messages per consent token (docs/messenger-platform.md §1, "messages per token").</summary>
public enum PerTokenRuleKind
{
    /// <summary>No platform limit beyond the topic's own promise.</summary>
    None,

    /// <summary>One message per calendar period of the token's frequency, in the token's timezone (Launch2022).</summary>
    CalendarPeriod,

    /// <summary>One message per rolling interval since the last one, e.g. 48 hours (Current).</summary>
    RollingInterval,
}
