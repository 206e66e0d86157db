namespace ConversationBot.Bot.Admin;

public sealed record CampaignButtonRequest(string? Title, string? Payload);
