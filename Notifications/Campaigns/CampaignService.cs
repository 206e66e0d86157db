using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Campaigns;

/// <summary>What operators do with campaigns: create (checked against the topics), cancel, look up.</summary>
public sealed class CampaignService(ICampaignStore campaigns, TopicCatalog topics, TimeProvider clock)
{
    /// <summary>Creates a campaign, or returns every rule the request breaks with the field it concerns.</summary>
    public async Task<CampaignCreation> CreateAsync(
        string? topicId, CampaignContent content, DateTimeOffset? sendAt, DateTimeOffset? endAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var now = clock.GetUtcNow();
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(topicId))
        {
            errors.Add(new FieldError("topic", "is required."));
        }
        else if (!topics.TryGet(topicId, out _))
        {
            errors.Add(new FieldError("topic", $"'{topicId}' is not a configured topic ({string.Join(", ", topics.Topics.Select(t => t.Id))})."));
        }

        errors.AddRange(Campaign.Validate(content, sendAt, endAt, now));
        if (errors.Count > 0)
        {
            return CampaignCreation.Invalid(errors);
        }

        var campaign = Campaign.Create(CampaignIds.New(now), topicId!, content, sendAt, endAt, now);
        if (!await campaigns.TryCreateAsync(campaign, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"A campaign with the new id {campaign.Id} exists already.");
        }

        return CampaignCreation.Created((await campaigns.FindAsync(campaign.Id, cancellationToken).ConfigureAwait(false))!);
    }

    /// <summary>Cancels the campaign; its runner stops after the page in flight. <c>null</c> when there is no such campaign.</summary>
    public Task<CampaignCancellation?> CancelAsync(string campaignId, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync($"Campaign {campaignId}", async token =>
        {
            var campaign = await campaigns.FindAsync(campaignId, token).ConfigureAwait(false);
            if (campaign is null)
            {
                return Round<CampaignCancellation?>.Done(null);
            }

            if (!campaign.Cancel(clock.GetUtcNow()))
            {
                return Round<CampaignCancellation?>.Done(new CampaignCancellation(campaign, false));
            }

            // The runner saves after every page; on a conflict read again and cancel the newer state.
            return await campaigns.TrySaveAsync(campaign, token).ConfigureAwait(false)
                ? Round<CampaignCancellation?>.Done(new CampaignCancellation((await campaigns.FindAsync(campaignId, token).ConfigureAwait(false))!, true))
                : Round<CampaignCancellation?>.Conflict;
        }, cancellationToken);
}
