namespace ConversationBot.Bot.Admin;

/// <summary>
/// The topic's stop-rate guard over its window: opt-ins and stops counted, their ratio, and whether
/// opt-in offers for the topic are paused because too many customers stop it (docs: Notifications:StopRate).
/// </summary>
public sealed record StopRateView(bool OffersPaused, int OptIns, int Stops, double Ratio, double Threshold, int MinimumSample, TimeSpan Window)
{
    public static StopRateView From(ConversationBot.Notifications.StopRate.StopRateStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.IsPaused, status.OptIns, status.Stops, status.Ratio, status.Threshold, status.MinimumSample, status.Window);
    }
}
