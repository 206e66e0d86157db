namespace ConversationBot.Notifications.Funnel;

/// <summary>
/// The entry a customer last came in through, and when; or, kept per topic, the entry their opt-in is
/// counted for, so that a stop months later is counted against the same entry. Last touch wins: a
/// customer who scans a poster and later taps an ad is counted for the ad.
/// </summary>
public sealed record FunnelAttribution(string Entry, DateTimeOffset At)
{
    /// <summary>
    /// How long after coming in an offer or an opt-in still counts for the entry: the seven days Meta
    /// gives a Page to answer a comment privately, and the usual attribution window of click ads.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public bool IsCurrentAt(DateTimeOffset now) => now >= At && now - At <= Window;
}
