namespace ConversationBot.Notifications.Errors;

/// <summary>How long a Marketing Messages error makes the bot wait before acting again (one row of <see cref="MarketingMessagesErrors"/>).</summary>
public enum MarketingMessagesWait
{
    /// <summary>Final: nothing to wait for.</summary>
    None,

    /// <summary><c>remaining_seconds</c> when Meta gives it, else the doubling backoff.</summary>
    Backoff,

    /// <summary><c>remaining_seconds</c>, else about 30 minutes (Meta's text for 2300055, 2300061, 2300062).</summary>
    HalfAnHour,

    /// <summary><c>remaining_seconds</c>, else the hour a new Meta campaign warms up.</summary>
    WarmUp,

    /// <summary>The start of the next UTC day (the daily budget, the daily cap).</summary>
    NextDay,

    /// <summary>A week (the weekly cap persists until the person's organic activity changes).</summary>
    NextWeek,

    /// <summary>12 hours after the token's last message (<see cref="Products.MarketingMessagesLimits.PerTokenRule"/>).</summary>
    TokenInterval,

    /// <summary>The configured <c>min_conversation_gap_seconds</c>, else a day.</summary>
    ConversationGap,
}
