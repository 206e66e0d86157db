namespace ConversationBot.Bot.Admin;

public sealed record CampaignListView(IReadOnlyList<CampaignView> Campaigns, string? Continuation);
