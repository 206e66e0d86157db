using System.Globalization;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// The one way a campaign's Marketing Messages budget is raised, for the admin API
/// (<c>Bot/Admin/CampaignBudgetEndpoints.cs</c>) and the console's campaign page: the checks of
/// <see cref="CampaignService.RaiseBudgetAsync"/>, Meta's campaign told first (when Meta has one for it yet),
/// and a campaign held for its spent budget woken at once instead of after <c>Delivery:HeldCampaignRecheck</c>.
/// </summary>
public sealed class CampaignBudgetRaising(CampaignService campaigns, MetaCampaigns meta, DeliverySignal signal)
{
    /// <returns>
    /// The raise (<c>null</c> in it: no such campaign), or why Meta did not take the budget, in which case
    /// nothing was changed and sending the raise again is harmless.
    /// </returns>
    public async Task<(CampaignBudgetRaise? Raise, string? MetaRefusal)> RaiseAsync(string campaignId, long? budget, CancellationToken cancellationToken)
    {
        CampaignBudgetRaise? raise;
        try
        {
            raise = await campaigns.RaiseBudgetAsync(campaignId, budget, (campaign, amount, token) => meta.RaiseBudgetAsync(campaign.Id, amount, token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MessengerSendException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, ex is MessengerSendException refused
                ? string.Create(CultureInfo.InvariantCulture, $"Meta answered {(int)refused.StatusCode} (code {refused.Code}, subcode {refused.Subcode}): {refused.GraphMessage}")
                : "Meta's Graph API did not answer. Send the raise again.");
        }

        if (raise is { Woken: true })
        {
            signal.Wake();
        }

        return (raise, null);
    }
}
