using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>The reference outcome store: a dictionary under a lock, the merge of the domain.</summary>
public sealed class InMemoryMarketingMessageOutcomeStore : IMarketingMessageOutcomeStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Meta, string Token), MarketingMessageOutcome> _outcomes = [];
    private readonly Dictionary<string, string> _campaigns = new(StringComparer.Ordinal);

    public Task<MarketingMessageOutcomeChange> ApplyAsync(MarketingMessageOutcome report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            var change = _outcomes.TryGetValue((report.MetaCampaignId, report.TokenKey), out var stored) ? stored.Merge(report) : MarketingMessageOutcome.First(report);
            _outcomes[(report.MetaCampaignId, report.TokenKey)] = change.Outcome;
            return Task.FromResult(change);
        }
    }

    public Task<MarketingMessageOutcomeCounts> CountAsync(string metaCampaignId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(MarketingMessageOutcomeCounts.Of(_outcomes.Values
                .Where(o => o.MetaCampaignId == metaCampaignId)
                .GroupBy(o => o.Status)
                .ToDictionary(g => g.Key, g => (long)g.Count())));
        }
    }

    public Task RememberCampaignAsync(string campaignId, string metaCampaignId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _campaigns[campaignId] = metaCampaignId;
            return Task.CompletedTask;
        }
    }

    public Task<string?> FindMetaCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_campaigns.GetValueOrDefault(campaignId));
        }
    }

    /// <summary>Every outcome of one Meta campaign, for assertions.</summary>
    public IReadOnlyList<MarketingMessageOutcome> Of(string metaCampaignId)
    {
        lock (_gate)
        {
            return [.. _outcomes.Values.Where(o => o.MetaCampaignId == metaCampaignId)];
        }
    }
}
