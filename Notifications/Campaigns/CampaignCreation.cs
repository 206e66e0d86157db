namespace ConversationBot.Notifications.Campaigns;

/// <summary>A created campaign, or why the request could not become one.</summary>
public sealed record CampaignCreation(Campaign? Campaign, IReadOnlyList<FieldError> Errors)
{
    public static CampaignCreation Created(Campaign campaign) => new(campaign, []);

    public static CampaignCreation Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}
