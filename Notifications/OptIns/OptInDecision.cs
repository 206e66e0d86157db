namespace ConversationBot.Notifications.OptIns;

/// <summary>
/// Whether a topic may be offered now, and why not. <see cref="RetryAfter"/> is when the denial
/// lapses, where that is known (a cooldown's end); <see cref="Detail"/> carries numbers for operators.
/// </summary>
public sealed record OptInDecision
{
    private OptInDecision(bool isAllowed, OptInOfferKind? kind, OptInDenialReason? reason, DateTimeOffset? retryAfter, string? detail)
    {
        IsAllowed = isAllowed;
        Kind = kind;
        Reason = reason;
        RetryAfter = retryAfter;
        Detail = detail;
    }

    public bool IsAllowed { get; }

    public OptInOfferKind? Kind { get; }

    public OptInDenialReason? Reason { get; }

    public DateTimeOffset? RetryAfter { get; }

    public string? Detail { get; }

    public static OptInDecision Allow(OptInOfferKind kind = OptInOfferKind.New) => new(true, kind, null, null, null);

    public static OptInDecision Deny(OptInDenialReason reason, DateTimeOffset? retryAfter = null, string? detail = null) =>
        new(false, null, reason, retryAfter, detail);

    public override string ToString() =>
        IsAllowed ? $"allow ({Kind})" : $"deny: {Reason}" + (RetryAfter is { } r ? $" until {r:O}" : string.Empty) + (Detail is null ? string.Empty : $" ({Detail})");
}
