using System.Collections.Concurrent;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;

namespace ConversationBot.Bot.Tests.Notifications.Delivery;

public sealed class RecordingObserver : IDeliveryObserver
{
    public ConcurrentQueue<DeliveryRecord> Records { get; } = new();

    public ConcurrentQueue<PlatformErrorAction> FailedAttempts { get; } = new();

    public ConcurrentQueue<CampaignRunOutcome> Runs { get; } = new();

    public void DeliveryRecorded(DeliveryRecord record) => Records.Enqueue(record);

    public void AttemptFailed(DeliveryRecord claim, int attempt, PlatformErrorAction action) => FailedAttempts.Enqueue(action);

    public void RunEnded(Campaign campaign, CampaignRunOutcome outcome) => Runs.Enqueue(outcome);
}
