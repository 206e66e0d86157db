namespace ConversationBot.Bot.Admin;

/// <summary>
/// Sent, skipped and failed so far; waiting: subscribers the last pass found not due yet (their local
/// time, the end of their quiet hours), with the instant the next of them is due; left is the audience at
/// the start minus all those, while the campaign runs.
/// </summary>
public sealed record CampaignProgressView(long Sent, long Skipped, long Failed, long? Left, long? Audience, long Waiting = 0, DateTimeOffset? NextWaveAt = null);
