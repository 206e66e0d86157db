namespace ConversationBot.Bot.Admin;

/// <summary>POST /api/admin/campaigns: what to send to which topic, and when.</summary>
/// <param name="Topic">A configured topic id, e.g. <c>weekly-deals</c>.</param>
/// <param name="Text">The message; at most 640 characters, or 80 with an image.</param>
/// <param name="ImageUrl">An optional https image.</param>
/// <param name="Buttons">Up to three buttons whose payload comes back to the bot as the customer's message.</param>
/// <param name="SendAt">When to start; absent or past means now.</param>
/// <param name="EndAt">Nothing is sent after this instant.</param>
public sealed record CampaignRequest(
    string? Topic,
    string? Text,
    string? ImageUrl,
    IReadOnlyList<CampaignButtonRequest>? Buttons,
    DateTimeOffset? SendAt,
    DateTimeOffset? EndAt);
