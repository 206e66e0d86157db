namespace ConversationBot.Notifications.Errors;

/// <summary>
/// Meta's Marketing Messages error table (docs/marketing-messages.md §4) as data: every documented
/// number to one action and its wait. The number arrives in <c>error.code</c> or <c>error.error_subcode</c>
/// (Meta does not say which), so <see cref="NumberOf"/> looks in both. Numbers not listed
/// (2300029, 2300045, 2300049-2300051 and anything new) are unknown: recorded in full, not retried.
/// </summary>
public static class MarketingMessagesErrors
{
    /// <summary>RECIPIENT_NOT_AVAILABLE (since 2026-03-19), outside the 2300xxx range.</summary>
    public const int RecipientNotAvailable = 1893047;

    private static readonly Row[] Rows =
    [
        new(2300000, "INACTIVE_CAMPAIGN: the campaign is not active (yet)", PlatformErrorActionKind.CampaignWaits, MarketingMessagesWait.WarmUp),
        new(2300001, "INVALID_MESSAGE_ID: the campaign id is unknown or not ours", PlatformErrorActionKind.FixRequest),
        new(2300002, "INACTIVE_MESSAGE_SET: the message set is inactive", PlatformErrorActionKind.FixRequest),
        new(2300003, "INACTIVE_MESSAGE: the campaign is still warming up", PlatformErrorActionKind.CampaignWaits, MarketingMessagesWait.WarmUp),
        new(2300004, "INVALID_MESSENGER_SUBSCRIPTION_TOKEN: the token cannot be loaded", PlatformErrorActionKind.RetireSubscription),
        new(2300005, "PAGE_ID_MISMATCH: the token belongs to another Page (a routing bug; the token is kept)", PlatformErrorActionKind.FixRequest),
        new(2300006, "the campaign was not created as a direct send", PlatformErrorActionKind.FixRequest),
        new(2300007, "the campaign has neither a lifetime nor a daily budget", PlatformErrorActionKind.FixRequest),
        new(2300008, "no default bid could be determined", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff, RetriesBeforeFix: 1),
        new(2300009, "the campaign's metadata is missing", PlatformErrorActionKind.FixRequest),
        new(2300010, "no valid creative or payload", PlatformErrorActionKind.FixRequest),
        new(2300011, "the ad account has no payment method", PlatformErrorActionKind.StopMarketingMessages),
        new(2300012, "the campaign is still being populated", PlatformErrorActionKind.CampaignWaits, MarketingMessagesWait.WarmUp),
        new(2300013, "the business has not accepted the Marketing Messages terms", PlatformErrorActionKind.StopMarketingMessages),
        new(2300014, "the campaign's ad account differs from the request's", PlatformErrorActionKind.FixRequest),
        new(2300015, "the campaign budget is reached", PlatformErrorActionKind.CampaignBudgetExhausted),
        new(2300016, "the bid is too low", PlatformErrorActionKind.FixRequest),
        new(2300017, "the ad account spend limit is reached", PlatformErrorActionKind.StopMarketingMessages),
        new(2300018, "ATTACHMENT_SAVE_FAILURE", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff, RetriesBeforeFix: 1),
        new(2300019, "the app has not accepted the Marketing Messages terms", PlatformErrorActionKind.StopMarketingMessages),
        new(2300020, "invalid pacing type for a direct send", PlatformErrorActionKind.FixRequest),
        new(2300021, "a video needs video_id", PlatformErrorActionKind.FixRequest),
        new(2300022, "an image needs image_url", PlatformErrorActionKind.FixRequest),
        new(2300023, "invalid button type", PlatformErrorActionKind.FixRequest),
        new(2300024, "a button's URL is empty", PlatformErrorActionKind.FixRequest),
        new(2300025, "a button's title is empty", PlatformErrorActionKind.FixRequest),
        new(2300026, "more than 3 buttons", PlatformErrorActionKind.FixRequest),
        new(2300027, "ATTACHMENT_REUSE_NOT_ALLOWED: the attachment belongs to another Page", PlatformErrorActionKind.FixRequest),
        new(2300028, "the campaign's pacing information is not ready", PlatformErrorActionKind.CampaignWaits, MarketingMessagesWait.WarmUp),
        new(2300030, "the ad account's region is not supported", PlatformErrorActionKind.StopMarketingMessages),
        new(2300031, "the Page's region is not supported", PlatformErrorActionKind.StopMarketingMessages),
        new(2300032, "the subscription token's region is not supported", PlatformErrorActionKind.RerouteToOtherProduct),
        new(2300033, "the campaign's start time is in the future", PlatformErrorActionKind.CampaignWaits, MarketingMessagesWait.WarmUp),
        new(2300034, "the person stopped marketing messages", PlatformErrorActionKind.MarkStopped),
        new(2300035, "12 hours have not passed since the token's last message", PlatformErrorActionKind.RescheduleAt, MarketingMessagesWait.TokenInterval),
        new(2300036, "the person cannot receive messages now", PlatformErrorActionKind.SkipRecipient, MarketingMessagesWait.NextDay),
        new(2300037, "the token expired", PlatformErrorActionKind.RetireSubscription),
        new(2300038, "placeholders could not be resolved", PlatformErrorActionKind.FixRequest),
        new(2300039, "the Page permission is missing", PlatformErrorActionKind.StopMarketingMessages),
        new(2300040, "the feature is not available", PlatformErrorActionKind.StopMarketingMessages),
        new(2300041, "the campaign is not ready for delivery", PlatformErrorActionKind.CampaignWaits, MarketingMessagesWait.WarmUp),
        new(2300042, "a frequency cap (weekly, daily or organic threads) is reached", PlatformErrorActionKind.SkipRecipient, MarketingMessagesWait.NextWeek),
        new(2300043, "a frequency cap (weekly, daily or organic threads) is reached", PlatformErrorActionKind.SkipRecipient, MarketingMessagesWait.NextWeek),
        new(2300044, "a frequency cap (weekly, daily or organic threads) is reached", PlatformErrorActionKind.SkipRecipient, MarketingMessagesWait.NextWeek),
        new(2300046, "carousel and multi-image conflict", PlatformErrorActionKind.FixRequest),
        new(2300047, "both image kinds given", PlatformErrorActionKind.FixRequest),
        new(2300048, "more than one hero image", PlatformErrorActionKind.FixRequest),
        new(2300052, "RECIPIENT_UNAVAILABLE: the person talked with the Page within the conversation gap", PlatformErrorActionKind.SkipRecipient, MarketingMessagesWait.ConversationGap),
        new(2300053, "the campaign lifetime budget is reached", PlatformErrorActionKind.CampaignBudgetExhausted),
        new(2300054, "the campaign daily budget is reached", PlatformErrorActionKind.CampaignWaits, MarketingMessagesWait.NextDay),
        new(2300055, "pacing: try again in about 30 minutes", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.HalfAnHour),
        new(2300056, "the account's total spending limit is reached", PlatformErrorActionKind.StopMarketingMessages),
        new(2300057, "pacing: try later", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff),
        new(2300058, "the prepaid balance is used up", PlatformErrorActionKind.StopMarketingMessages),
        new(2300059, "the business's stored balance is too low", PlatformErrorActionKind.StopMarketingMessages),
        new(2300060, "pacing: try later", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff),
        new(2300061, "pacing: try again in about 30 minutes", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.HalfAnHour),
        new(2300062, "pacing: try again in about 30 minutes", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.HalfAnHour),
        new(2300063, "pacing: try later", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff),
        new(2300064, "the creative is already used by another campaign", PlatformErrorActionKind.FixRequest),
        new(2300065, "page_id is missing", PlatformErrorActionKind.FixRequest),
        new(2300066, "the Page has not signed the terms", PlatformErrorActionKind.StopMarketingMessages),
        new(2300067, "the ad account has not signed the terms", PlatformErrorActionKind.StopMarketingMessages),
        new(2300068, "cannot process now (pacing fallback)", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff),
        new(2300069, "the required terms are not signed", PlatformErrorActionKind.StopMarketingMessages),
        new(2300070, "invalid targeting", PlatformErrorActionKind.FixRequest),
        new(2300071, "creative: invalid aliases", PlatformErrorActionKind.FixRequest),
        new(2300072, "creative: invalid offer", PlatformErrorActionKind.FixRequest),
        new(2300073, "creative: too many line breaks", PlatformErrorActionKind.FixRequest),
        new(2300074, "creative: missing call-to-action button", PlatformErrorActionKind.FixRequest),
        new(2300075, "creative: bad button order", PlatformErrorActionKind.FixRequest),
        new(2300076, "creative: a required field is missing", PlatformErrorActionKind.FixRequest),
        new(2300077, "creative: invalid URL", PlatformErrorActionKind.FixRequest),
        new(2300078, "send rate limit", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff),
        new(2300079, "campaign-creation rate limit", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff),
        new(2300080, "token-list rate limit", PlatformErrorActionKind.RetryLater, MarketingMessagesWait.Backoff),
        new(RecipientNotAvailable, "RECIPIENT_NOT_AVAILABLE (account issues, enforcement)", PlatformErrorActionKind.SkipRecipient, MarketingMessagesWait.NextDay),
    ];

    private static readonly Dictionary<int, Row> ByNumber = Rows.ToDictionary(r => r.Number);

    /// <summary>Every documented number.</summary>
    public static IReadOnlyCollection<int> Numbers => ByNumber.Keys;

    /// <summary>
    /// The Marketing Messages number of an error: a value in 2300000-2300099 (or 1893047) in <c>code</c>,
    /// else in <c>error_subcode</c>; <c>null</c> when neither holds one.
    /// </summary>
    public static int? NumberOf(PlatformError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return IsOurs(error.Code) ? error.Code : IsOurs(error.Subcode) ? error.Subcode : null;
    }

    /// <summary>The row of <paramref name="number"/>; false for an undocumented one.</summary>
    public static bool TryGet(int number, out Row row) => ByNumber.TryGetValue(number, out row!);

    private static bool IsOurs(int? value) => value is >= 2300000 and <= 2300099 or RecipientNotAvailable;

    /// <param name="Number">Meta's number.</param>
    /// <param name="Meaning">Meta's name or meaning, in our words.</param>
    /// <param name="Kind">What the bot does.</param>
    /// <param name="Wait">How long before acting again.</param>
    /// <param name="RetriesBeforeFix">For "retry, then fix": how many retries before the request counts as wrong.</param>
    public sealed record Row(int Number, string Meaning, PlatformErrorActionKind Kind, MarketingMessagesWait Wait = MarketingMessagesWait.None, int? RetriesBeforeFix = null);
}
