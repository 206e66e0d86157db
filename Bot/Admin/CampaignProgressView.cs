namespace ConversationBot.Bot.Admin;

/// <summary>Sent, skipped and failed so far; left is the audience at the start minus those, while the campaign runs.</summary>
public sealed record CampaignProgressView(long Sent, long Skipped, long Failed, long? Left, long? Audience);
