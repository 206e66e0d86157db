namespace ConversationBot.Bot.Admin;

/// <summary>
/// POST /api/admin/campaigns (and /preview): what to send to which subscribers of a topic, and when.
/// The message is either one for everyone (<see cref="Text"/>, <see cref="ImageUrl"/>, <see cref="Buttons"/>)
/// or one per language (<see cref="Content"/>, with <see cref="DefaultLanguage"/> for subscribers whose
/// language has no version), never both.
/// </summary>
/// <param name="Topic">A configured topic id, e.g. <c>weekly-deals</c>.</param>
/// <param name="Text">The message; at most 640 characters, or 80 with an image.</param>
/// <param name="ImageUrl">An optional https image.</param>
/// <param name="Buttons">Up to three buttons whose payload comes back to the bot as the customer's message.</param>
/// <param name="SendAt">When to start; absent or past means now.</param>
/// <param name="EndAt">Nothing is sent after this instant.</param>
/// <param name="Content">The message per language, e.g. <c>{"en": {"text": "..."}, "de": {"text": "..."}}</c>.</param>
/// <param name="DefaultLanguage">The version for subscribers whose language has none; absent means Bot:FallbackLanguage.</param>
/// <param name="Segment">Only some of the topic's subscribers; absent means all.</param>
/// <param name="LocalTime">"09:00": each subscriber at that time in their own zone (Delivery:FallbackTimeZone when they have none).</param>
/// <param name="LocalDate">With <paramref name="LocalTime"/>: the day, e.g. <c>2027-03-29</c>; absent: the next such time.</param>
/// <param name="IgnoreQuietHours">True sends inside the subscribers' quiet hours (Delivery:QuietHours); recorded on the campaign.</param>
/// <param name="WithoutMarketingMessages">True sends to the others when some subscribers could only be reached through Marketing Messages, which is not configured (they are skipped); without it such a campaign is refused.</param>
/// <param name="Budget">The most its Marketing Messages may cost, in the ad account currency's minor unit (5000 = 50.00); at most Messenger:MarketingMessages:MaxCampaignBudget, which is also what an absent one means.</param>
public sealed record CampaignRequest(
    string? Topic,
    string? Text,
    string? ImageUrl,
    IReadOnlyList<CampaignButtonRequest>? Buttons,
    DateTimeOffset? SendAt,
    DateTimeOffset? EndAt,
    IReadOnlyDictionary<string, CampaignContentRequest?>? Content = null,
    string? DefaultLanguage = null,
    CampaignSegmentRequest? Segment = null,
    string? LocalTime = null,
    DateOnly? LocalDate = null,
    bool IgnoreQuietHours = false,
    long? Budget = null,
    bool WithoutMarketingMessages = false);
