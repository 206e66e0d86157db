namespace ConversationBot.Notifications.Eligibility;

/// <summary>
/// The answer to "may this subscription get a message now?": eligible, or not with the reason and,
/// where one exists, the first instant it may (a stop, an expiry or a retirement has none).
/// </summary>
public sealed record SendEligibility
{
    private SendEligibility(bool isEligible, NotEligibleReason? reason, DateTimeOffset? nextEligibleAt)
    {
        IsEligible = isEligible;
        Reason = reason;
        NextEligibleAt = nextEligibleAt;
    }

    public static SendEligibility Eligible { get; } = new(true, null, null);

    public bool IsEligible { get; }

    public NotEligibleReason? Reason { get; }

    public DateTimeOffset? NextEligibleAt { get; }

    public static SendEligibility NotEligible(NotEligibleReason reason, DateTimeOffset? nextEligibleAt = null) => new(false, reason, nextEligibleAt);

    public override string ToString() =>
        IsEligible ? "eligible" : NextEligibleAt is { } next ? $"not eligible: {Reason} until {next:O}" : $"not eligible: {Reason}";
}
