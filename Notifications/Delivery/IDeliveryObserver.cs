using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Errors;

namespace ConversationBot.Notifications.Delivery;

/// <summary>What the host logs and measures about deliveries; the domain itself has no logging.</summary>
public interface IDeliveryObserver
{
    void DeliveryRecorded(DeliveryRecord record);

    /// <summary>One attempt failed; <paramref name="action"/> says what happens next.</summary>
    void AttemptFailed(DeliveryRecord claim, int attempt, PlatformErrorAction action);

    void RunEnded(Campaign campaign, CampaignRunOutcome outcome);
}
