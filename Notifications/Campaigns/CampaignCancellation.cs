namespace ConversationBot.Notifications.Campaigns;

/// <summary>The campaign after a cancel; <see cref="Cancelled"/> is false when it had finished already.</summary>
public sealed record CampaignCancellation(Campaign Campaign, bool Cancelled);
