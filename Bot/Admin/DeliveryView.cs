using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Bot.Admin;

public sealed record DeliveryView(string SubscriptionId, string ChannelId, string CustomerId, string State, string? Reason, string? Detail, int Attempts, DateTimeOffset ClaimedAt, DateTimeOffset? CompletedAt, DateTimeOffset? NextEligibleAt)
{
    public static DeliveryView Of(DeliveryRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.SubscriptionId, r.ChannelId, r.CustomerId, r.State.ToString(), r.Reason, r.Detail, r.Attempts, r.ClaimedAt, r.CompletedAt, r.NextEligibleAt);
    }
}
