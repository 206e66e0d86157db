using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// A campaign's report per product for the admin API and the console (<see cref="CampaignProductReport"/>):
/// the delivery records counted per product, and the Marketing Messages outcomes of the Meta campaign that
/// carries it (none when it reached nobody through Marketing Messages).
/// </summary>
public sealed class CampaignProductFigures(IDeliveryStore deliveries, IMarketingMessageOutcomeStore outcomes)
{
    public async Task<IReadOnlyList<ProductFigures>> OfAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var byProduct = await deliveries.CountByProductAsync(campaignId, cancellationToken).ConfigureAwait(false);
        var metaCampaign = await outcomes.FindMetaCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        var marketing = metaCampaign is null
            ? MarketingMessageOutcomeCounts.None
            : await outcomes.CountAsync(metaCampaign, cancellationToken).ConfigureAwait(false);
        return CampaignProductReport.Of(byProduct, marketing);
    }
}
