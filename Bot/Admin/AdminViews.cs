using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Admin;

public sealed record DeliveryView(string SubscriptionId, string ChannelId, string CustomerId, string State, string? Reason, string? Detail, int Attempts, DateTimeOffset ClaimedAt, DateTimeOffset? CompletedAt, DateTimeOffset? NextEligibleAt)
{
    public static DeliveryView Of(DeliveryRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.SubscriptionId, r.ChannelId, r.CustomerId, r.State.ToString(), r.Reason, r.Detail, r.Attempts, r.ClaimedAt, r.CompletedAt, r.NextEligibleAt);
    }
}

public sealed record DeliveryListView(IReadOnlyList<DeliveryView> Deliveries, string? Continuation);

public sealed record TopicView(string Id, string Title, string Frequency, long ActiveSubscribers, StopRateView StopRate);

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

public sealed record ScheduleView(string Id, string Topic, string Cron, string TimeZone, DateTimeOffset? NextFiring);

/// <summary>One customer's consent to one topic; the token itself is never shown.</summary>
public sealed record SubscriptionView(
    string Id, string Topic, string? Title, string ChannelId, string Status, DateTimeOffset OptedInAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastSentAt,
    DateTimeOffset? NextEligibleAt, string? RetirementReason, string ProfileName, bool HasToken)
{
    public static SubscriptionView Of(Subscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.TopicId, s.Title, s.ChannelId, s.Status.ToString(), s.OptedInAt, s.ExpiresAt, s.LastSentAt, s.NextEligibleAt, s.RetirementReason, s.ProfileName, s.Token is not null);
    }
}
