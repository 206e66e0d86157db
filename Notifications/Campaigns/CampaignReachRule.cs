namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// A campaign whose audience has subscribers only Marketing Messages could reach, while Marketing Messages is not
/// configured (no ad account), is refused: they would all be skipped without the operator having seen it
/// (docs/marketing-messages.md, "What a campaign is refused for"). Refusing the whole campaign would also keep it from
/// everyone the free products reach, so the operator may say so explicitly (<c>withoutMarketingMessages</c>) and it goes
/// to the others; the rest are skipped as no product serving their region.
/// </summary>
public static class CampaignReachRule
{
    /// <summary>The setting the refusal names: configuring it (with the access token and the maximum budget) is the remedy.</summary>
    public const string Field = "Messenger:MarketingMessages:AdAccountId";

    /// <param name="onlyMarketingMessages">Subscribers of the campaign only Marketing Messages could reach (counted by the preview's walk).</param>
    /// <param name="withoutMarketingMessages">The operator's explicit choice to send to the others.</param>
    public static IReadOnlyList<FieldError> Validate(long onlyMarketingMessages, bool withoutMarketingMessages) =>
        onlyMarketingMessages == 0 || withoutMarketingMessages
            ? []
            : [new FieldError(Field, $"is not set, and {onlyMarketingMessages} of this campaign's subscribers could only be reached through Marketing Messages (they are outside AU, EU, JP, KR and UK). Configure Marketing Messages, or send to the others with \"withoutMarketingMessages\": true.")];
}
