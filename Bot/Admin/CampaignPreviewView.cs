using System.Text.Json.Nodes;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Messenger;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Products;
using Newtonsoft.Json;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// POST /api/admin/campaigns/preview: the audience, who may get it now and who not (by reason, with the
/// earliest next-eligible instant), who may get it now by product (<c>eligibleNowByProduct</c>: Recurring
/// Notifications, Marketing Messages, other channels, and <c>Neither</c> for Messenger subscribers no product
/// serves), Meta's delivery and cost estimate when Marketing Messages would carry some (<c>marketingMessagesEstimate</c>,
/// marked unavailable with the reason when Meta gave none), how many only Marketing Messages could reach while it is not
/// configured (<c>onlyMarketingMessagesCouldReach</c>: creating the campaign is refused for them unless
/// <c>withoutMarketingMessages</c>), and the exact message per language and channel. Nothing is
/// sent or stored.
/// </summary>
public sealed record CampaignPreviewView(
    DateTimeOffset EvaluatedAt,
    long Audience,
    long EligibleNow,
    long NotEligibleNow,
    IReadOnlyList<CampaignPreviewReason> NotEligibleByReason,
    DateTimeOffset? EarliestNextEligibleAt,
    IReadOnlyDictionary<string, long> AudienceByLanguage,
    IReadOnlyDictionary<string, long> AudienceByChannel,
    IReadOnlyList<CampaignPreviewMessageView> Messages,
    IReadOnlyDictionary<string, long>? EligibleNowByProduct = null,
    MarketingMessagesEstimate? MarketingMessagesEstimate = null,
    long OnlyMarketingMessagesCouldReach = 0)
{
    /// <summary>Stands for the subscriber's token in the Messenger body: the preview shows no one's token.</summary>
    public const string TokenPlaceholder = "<notification_messages_token>";

    // The Bot Framework connector writes activities with Newtonsoft.Json, leaving out what is not set.
    private static readonly JsonSerializerSettings ActivityJson = new() { NullValueHandling = NullValueHandling.Ignore };

    public static CampaignPreviewView Of(CampaignPreviewFigures figures, LocalizedContent content, SubscriberLanguages languages, MarketingMessagesEstimate? estimate = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(languages);
        var messages = languages.Codes.Select(language =>
        {
            var version = content.Versions.ContainsKey(language) ? language : content.DefaultLanguage;
            var message = content.For(language);
            return new CampaignPreviewMessageView(
                language,
                version,
                MessengerSendClient.TokenBody(TokenPlaceholder, MessengerCampaignMessage.Build(message)),
                JsonNode.Parse(JsonConvert.SerializeObject(BotFrameworkCampaignActivity.Build(message), ActivityJson))!);
        }).ToList();
        return new CampaignPreviewView(
            figures.EvaluatedAt, figures.Audience, figures.Eligible, figures.NotEligible, figures.Reasons, figures.EarliestNextEligibleAt,
            figures.ByLanguage, figures.ByChannel, messages, figures.ByProduct, estimate, figures.OnlyMarketingMessages);
    }
}
