namespace ConversationBot.Bot.Admin;

/// <summary>Which of the topic's subscribers a campaign is for; every member is optional and absent means no filter.</summary>
/// <param name="Languages">Two-letter codes the bot speaks, e.g. <c>["de"]</c>.</param>
/// <param name="Channels">Channel ids, e.g. <c>["messenger", "webchat"]</c>.</param>
/// <param name="OptedInAfter">Only subscribers who opted in after this instant.</param>
/// <param name="OptedInBefore">Only subscribers who opted in before this instant.</param>
public sealed record CampaignSegmentRequest(
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Channels,
    DateTimeOffset? OptedInAfter,
    DateTimeOffset? OptedInBefore);
