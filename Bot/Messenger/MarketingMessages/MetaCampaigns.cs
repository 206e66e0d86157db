using System.Collections.Concurrent;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Products.Outcomes;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.MarketingMessages;

/// <summary>
/// One Meta message campaign per campaign of ours, created once even across a crash: its name is
/// derived from our campaign id (<see cref="NameFor"/>), and before creating one the ad account's
/// campaigns are searched for that name, so a host that died after Meta created it finds it again
/// instead of making a second. Within a process one caller at a time asks per campaign, and the answer
/// is kept. Two hosts that both create at the same moment both read the list again afterwards and take
/// the lowest id, so their sends go through one campaign (the other stays empty and costs nothing).
/// Its lifetime budget is the campaign's own (<see cref="Campaign.Budget"/>, checked against the maximum when
/// the campaign was created), else the configured maximum (<c>Messenger:MarketingMessages:MaxCampaignBudget</c>). Which Meta campaign carries ours is also stored
/// (<see cref="IMarketingMessageOutcomeStore.RememberCampaignAsync"/>), so the campaign's report finds Meta's
/// delivery webhooks without asking Meta.
/// </summary>
public sealed class MetaCampaigns(MarketingMessagesClient client, IMarketingMessageOutcomeStore outcomes, ICampaignStore campaigns, IOptions<MessengerOptions> options)
{
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>The Meta campaign name of our campaign <paramref name="campaignId"/>.</summary>
    public static string NameFor(string campaignId) => $"conversationbot:{campaignId}";

    /// <summary>
    /// Gives our campaign's Meta campaign the lifetime budget <paramref name="budget"/>, when Meta has one for it (searched
    /// by name at Meta, which knows even a campaign a crashed host created); false when there is none yet: it will be
    /// created with the campaign's stored budget. Meta's refusal or no answer is thrown (<see cref="MessengerSendException"/>,
    /// <see cref="HttpRequestException"/>, a time-out), before the caller stores anything.
    /// </summary>
    public async Task<bool> RaiseBudgetAsync(string campaignId, long budget, CancellationToken cancellationToken)
    {
        var id = _known.TryGetValue(campaignId, out var known) ? known : await client.FindCampaignAsync(NameFor(campaignId), cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            return false;
        }

        await client.UpdateLifetimeBudgetAsync(id, budget, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The Meta campaign id for our campaign, found or created.</summary>
    public async Task<string> EnsureAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(campaignId, out var known))
        {
            return known;
        }

        var gate = _gates.GetOrAdd(campaignId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_known.TryGetValue(campaignId, out known))
            {
                return known;
            }

            var name = NameFor(campaignId);
            var id = await client.FindCampaignAsync(name, cancellationToken).ConfigureAwait(false);
            if (id is null)
            {
                var settings = options.Value;
                var campaign = await campaigns.FindAsync(campaignId, cancellationToken).ConfigureAwait(false);
                var budget = campaign?.Budget ?? settings.MarketingMessages.MaxCampaignBudget!.Value;
                await client.CreateCampaignAsync(name, settings.PageId!, budget, cancellationToken).ConfigureAwait(false);
                id = await client.FindCampaignAsync(name, cancellationToken).ConfigureAwait(false)
                    ?? throw new MessengerSendException($"Meta created message campaign '{name}' but does not list it.");
            }

            await outcomes.RememberCampaignAsync(campaignId, id, cancellationToken).ConfigureAwait(false);
            _known[campaignId] = id;
            return id;
        }
        finally
        {
            gate.Release();
        }
    }
}
