using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;

/// <summary>
/// Takes in what is learned about marketing messages: Meta's acceptance of a send (the sender, with our
/// campaign) and the delivery webhooks (<see cref="MarketingMessageWebhook"/>). Every report goes through
/// the store's forward-only merge, so late, repeated and out-of-order webhooks leave the right final status.
/// </summary>
public sealed partial class MarketingMessageOutcomes(IMarketingMessageOutcomeStore store, ILogger<MarketingMessageOutcomes> logger)
{
    /// <summary>A webhook body's reports, each merged; a store that fails throws (the webhook answers 503 and Meta sends it again).</summary>
    public async Task ApplyAsync(MarketingMessageWebhook.Contents contents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contents);
        foreach (var problem in contents.Problems)
        {
            LogUnmatched(logger, problem);
        }

        foreach (var report in contents.Reports)
        {
            var change = await store.ApplyAsync(report.ToOutcome(), cancellationToken).ConfigureAwait(false);
            LogApplied(logger, report.Status, report.MetaCampaignId, change.Reason, change.Outcome.Status);
        }
    }

    /// <summary>
    /// Meta accepted a message of our campaign: the first status of its outcome, with our campaign and the tracking
    /// id. Only what a report adds: when this write fails, the send is still done, and the echo and delivery
    /// webhooks bring the same message in; so a failure here is logged, never thrown into the campaign.
    /// </summary>
    public async Task AcceptedAsync(string campaignId, string metaCampaignId, string token, string? trackingId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await store.ApplyAsync(
                new MarketingMessageOutcome(metaCampaignId, MarketingMessageTokenKey.Of(token), MarketingMessageStatus.Accepted, at, trackingId, campaignId),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAcceptanceNotStored(logger, ex, campaignId, metaCampaignId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Marketing Messages webhook event was not taken in: {Problem}")]
    private static partial void LogUnmatched(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marketing Messages {Status} for Meta campaign {MetaCampaignId}: {Reason}, now {Current}")]
    private static partial void LogApplied(ILogger logger, MarketingMessageStatus status, string metaCampaignId, MarketingMessageOutcomeReason reason, MarketingMessageStatus current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta accepted a message of campaign {CampaignId} (Meta campaign {MetaCampaignId}) but its acceptance was not stored; its webhooks will bring it in")]
    private static partial void LogAcceptanceNotStored(ILogger logger, Exception exception, string campaignId, string metaCampaignId);
}
