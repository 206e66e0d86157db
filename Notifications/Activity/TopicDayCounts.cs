namespace ConversationBot.Notifications.Activity;

/// <summary>
/// What happened to one topic on one UTC day (docs/console.md, the overview): opt-in offers shown, accepted,
/// declined, subscriptions stopped, and campaign messages sent, skipped and failed. Counts, never people.
/// </summary>
public readonly record struct TopicDayCounts(long Offered, long Accepted, long Declined, long Stopped, long Sent, long Skipped, long Failed)
{
    public static TopicDayCounts Offer => new(1, 0, 0, 0, 0, 0, 0);

    public static TopicDayCounts Acceptance => new(0, 1, 0, 0, 0, 0, 0);

    public static TopicDayCounts Decline => new(0, 0, 1, 0, 0, 0, 0);

    public static TopicDayCounts Stop => new(0, 0, 0, 1, 0, 0, 0);

    public bool IsEmpty => this == default;

    public static TopicDayCounts Deliveries(long sent, long skipped, long failed) => new(0, 0, 0, 0, sent, skipped, failed);

    public TopicDayCounts Plus(TopicDayCounts other) => new(
        Offered + other.Offered, Accepted + other.Accepted, Declined + other.Declined, Stopped + other.Stopped,
        Sent + other.Sent, Skipped + other.Skipped, Failed + other.Failed);

    /// <summary>What is left of these counts once <paramref name="other"/> (a part of them) was written elsewhere.</summary>
    public TopicDayCounts Minus(TopicDayCounts other) => new(
        Offered - other.Offered, Accepted - other.Accepted, Declined - other.Declined, Stopped - other.Stopped,
        Sent - other.Sent, Skipped - other.Skipped, Failed - other.Failed);

    /// <summary>Accepted per offer shown; null without offers.</summary>
    public double? AcceptRate => Rate(Accepted, Offered);

    /// <summary>Declined per offer shown; null without offers.</summary>
    public double? DeclineRate => Rate(Declined, Offered);

    /// <summary>Stops per acceptance in the same period; null without acceptances.</summary>
    public double? StopRate => Rate(Stopped, Accepted);

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
