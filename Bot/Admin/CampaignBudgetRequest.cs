namespace ConversationBot.Bot.Admin;

/// <summary>POST /api/admin/campaigns/{id}/budget: the campaign's new Marketing Messages budget.</summary>
/// <param name="Budget">In the ad account currency's minor unit (5000 = 50.00): more than the budget in force, at most Messenger:MarketingMessages:MaxCampaignBudget.</param>
public sealed record CampaignBudgetRequest(long? Budget);
