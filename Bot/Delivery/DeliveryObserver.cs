using ConversationBot.Bot.Telemetry;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;

namespace ConversationBot.Bot.Delivery;

/// <summary>Delivery logs and metrics: ids, outcomes and reason codes only, never a token or message text.</summary>
public sealed partial class DeliveryObserver(BotTelemetry telemetry, DeliveryInstance instance, ILogger<DeliveryObserver> logger) : IDeliveryObserver
{
    public void DeliveryRecorded(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        telemetry.RecordDelivery(
            record.State switch
            {
                DeliveryState.Sent => TelemetryTags.DeliverySent,
                DeliveryState.Skipped => TelemetryTags.DeliverySkipped,
                _ => TelemetryTags.DeliveryFailed,
            },
            record.Reason is { } reason ? TelemetryTags.ReasonOf(reason) : null,
            record.ChannelId,
            instance.Id);
        if (record.State == DeliveryState.Failed)
        {
            LogFailed(logger, record.CampaignId, record.SubscriptionId, record.Reason, record.Attempts);
        }
        else
        {
            LogRecorded(logger, record.CampaignId, record.SubscriptionId, record.State, record.Reason);
        }
    }

    public void AttemptFailed(DeliveryRecord claim, int attempt, PlatformErrorAction action)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(action);
        LogAttemptFailed(logger, claim.CampaignId, claim.SubscriptionId, attempt, action.Error.HttpStatus, action.Error.Code, action.Error.Subcode, action.Kind, action.Explanation);
        if (action.AlertOperator)
        {
            LogAlert(logger, claim.CampaignId, action.Explanation, action.At);
        }
    }

    public void RunEnded(Campaign campaign, CampaignRunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        LogRunEnded(logger, campaign.Id, outcome, campaign.Counts.Sent, campaign.Counts.Skipped, campaign.Counts.Failed, campaign.Left);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Campaign {CampaignId} to {SubscriptionId}: {State} {Reason}")]
    private static partial void LogRecorded(ILogger logger, string campaignId, string subscriptionId, DeliveryState state, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} to {SubscriptionId} failed: {Reason} after {Attempts} attempts")]
    private static partial void LogFailed(ILogger logger, string campaignId, string subscriptionId, string? reason, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} to {SubscriptionId}: attempt {Attempt} failed (HTTP {Status}, code {Code}, subcode {Subcode}): {Action}, {Explanation}")]
    private static partial void LogAttemptFailed(ILogger logger, string campaignId, string subscriptionId, int attempt, int? status, int? code, int? subcode, PlatformErrorActionKind action, string explanation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId}: {Explanation}; sends resume at {Until}. Check the page in Meta's Business Suite")]
    private static partial void LogAlert(ILogger logger, string campaignId, string explanation, DateTimeOffset? until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: run ended {Outcome}; sent {Sent}, skipped {Skipped}, failed {Failed}, left {Left}")]
    private static partial void LogRunEnded(ILogger logger, string campaignId, CampaignRunOutcome outcome, long sent, long skipped, long failed, long? left);
}
