namespace ConversationBot.Bot.Admin;

/// <summary>One language's version of a campaign: <c>content.de</c> in <see cref="CampaignRequest.Content"/>.</summary>
/// <param name="Text">At most 640 characters, or 80 with an image.</param>
/// <param name="ImageUrl">An optional https image.</param>
/// <param name="Buttons">Up to three buttons.</param>
public sealed record CampaignContentRequest(string? Text, string? ImageUrl, IReadOnlyList<CampaignButtonRequest>? Buttons);
