namespace ConversationBot.Notifications.Products.Outcomes;

/// <summary>
/// Where each marketing message got to (<see cref="MarketingMessageOutcome"/>), and which Meta campaign
/// carries which of our campaigns. Written by the sender when Meta accepts a message and by the delivery
/// webhooks, in any order; read for a campaign's report.
/// </summary>
public interface IMarketingMessageOutcomeStore
{
    /// <summary>
    /// Takes in one report (<see cref="MarketingMessageOutcome.Merge"/>) atomically against concurrent
    /// reports of the same message: the stored status only moves forward.
    /// </summary>
    Task<MarketingMessageOutcomeChange> ApplyAsync(MarketingMessageOutcome report, CancellationToken cancellationToken);

    /// <summary>The final statuses of one Meta campaign's messages, counted.</summary>
    Task<MarketingMessageOutcomeCounts> CountAsync(string metaCampaignId, CancellationToken cancellationToken);

    /// <summary>Remembers that <paramref name="metaCampaignId"/> carries our campaign <paramref name="campaignId"/> (the same pair again changes nothing).</summary>
    Task RememberCampaignAsync(string campaignId, string metaCampaignId, CancellationToken cancellationToken);

    /// <summary>The Meta campaign that carries our campaign; <c>null</c> when none has been made for it.</summary>
    Task<string?> FindMetaCampaignAsync(string campaignId, CancellationToken cancellationToken);
}
