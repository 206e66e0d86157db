namespace ConversationBot.Notifications.Profiles;

/// <summary>The platform's per-token send limit; <see cref="Interval"/> is set only for <see cref="PerTokenRuleKind.RollingInterval"/>.</summary>
public sealed record PerTokenSendRule
{
    private PerTokenSendRule(PerTokenRuleKind kind, TimeSpan? interval)
    {
        Kind = kind;
        Interval = interval;
    }

    public PerTokenRuleKind Kind { get; }

    public TimeSpan? Interval { get; }

    public static PerTokenSendRule None { get; } = new(PerTokenRuleKind.None, null);

    public static PerTokenSendRule CalendarPeriodOfTokenFrequency { get; } = new(PerTokenRuleKind.CalendarPeriod, null);

    public static PerTokenSendRule Rolling(TimeSpan interval) =>
        interval > TimeSpan.Zero
            ? new(PerTokenRuleKind.RollingInterval, interval)
            : throw new ArgumentOutOfRangeException(nameof(interval), interval, "A rolling interval must be positive.");

    public override string ToString() => Kind switch
    {
        PerTokenRuleKind.RollingInterval => $"one message per token per rolling {Interval!.Value.TotalHours:0.##} hours",
        PerTokenRuleKind.CalendarPeriod => "one message per token per calendar period of the token's frequency",
        _ => "no per-token limit",
    };
}
