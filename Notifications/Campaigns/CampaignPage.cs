namespace ConversationBot.Notifications.Campaigns;

/// <summary>One page of a campaign listing; pass <see cref="Continuation"/> back for the next (<c>null</c>: the last page).</summary>
public sealed record CampaignPage(IReadOnlyList<Campaign> Campaigns, string? Continuation);
