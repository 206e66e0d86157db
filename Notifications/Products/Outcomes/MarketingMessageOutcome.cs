namespace ConversationBot.Notifications.Products.Outcomes;

/// <summary>
/// One marketing message of one Meta campaign to one subscription token, as far as we know where it got
/// to. Keyed by (<see cref="MetaCampaignId"/>, <see cref="TokenKey"/>): our campaigns send a token at most
/// once, and every Meta webhook names both the campaign (<c>message_id</c>) and the token, while the
/// tracking id is missing from clicks and failures (docs/marketing-messages.md §5). <see cref="TokenKey"/>
/// is a one-way key of the token (Bot/Messenger/MarketingMessages/Outcomes/MarketingMessageTokenKey.cs),
/// never the token itself: this record outlives an erased subscription.
/// </summary>
public sealed record MarketingMessageOutcome(
    string MetaCampaignId,
    string TokenKey,
    MarketingMessageStatus Status,
    DateTimeOffset At,
    string? TrackingId = null,
    string? CampaignId = null,
    string? FailureMessage = null)
{
    /// <summary>Failure messages are Meta's words; the record keeps enough to diagnose.</summary>
    public const int MaxFailureMessage = 500;

    /// <summary>
    /// This outcome with <paramref name="report"/> taken in: the status moves only forward, and what either
    /// knows and the other does not (the tracking id, our campaign) is kept. Taking in the same report
    /// twice, or an older one later, changes nothing.
    /// </summary>
    public MarketingMessageOutcomeChange Merge(MarketingMessageOutcome report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.MetaCampaignId != MetaCampaignId || report.TokenKey != TokenKey)
        {
            throw new ArgumentException("A report merges only into the outcome of the same Meta campaign and token.", nameof(report));
        }

        var forward = report.Status > Status;
        var merged = this with
        {
            Status = forward ? report.Status : Status,
            At = forward ? report.At : At,
            FailureMessage = forward ? Truncate(report.FailureMessage) : FailureMessage,
            TrackingId = TrackingId ?? report.TrackingId,
            CampaignId = CampaignId ?? report.CampaignId,
        };
        var reason = forward
            ? MarketingMessageOutcomeReason.MovedForward
            : report.Status == Status ? MarketingMessageOutcomeReason.Repeated : MarketingMessageOutcomeReason.BehindCurrent;
        return new MarketingMessageOutcomeChange(merged, merged != this, reason);
    }

    /// <summary>The first report of a message nobody reported before.</summary>
    public static MarketingMessageOutcomeChange First(MarketingMessageOutcome report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var first = report with { FailureMessage = Truncate(report.FailureMessage) };
        return new MarketingMessageOutcomeChange(first, true, MarketingMessageOutcomeReason.First);
    }

    private static string? Truncate(string? message) => message is { Length: > MaxFailureMessage } ? message[..MaxFailureMessage] : message;
}
