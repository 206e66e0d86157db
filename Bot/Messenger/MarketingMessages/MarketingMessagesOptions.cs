using System.Text.RegularExpressions;
using ConversationBot.Bot.Security;

namespace ConversationBot.Bot.Messenger.MarketingMessages;

/// <summary>
/// <c>Messenger:MarketingMessages</c>: the Page's set-up for Meta's paid Marketing Messages API
/// (docs/marketing-messages.md). Off until both <see cref="AdAccountId"/> and <see cref="AccessToken"/>
/// are set; the business's region is <c>Notifications:Region</c>, which must be one of the API's 20
/// (the start-up log says when it is not). Every delivered message is charged to the ad account.
/// </summary>
public sealed partial class MarketingMessagesOptions
{
    public const string SectionName = "MarketingMessages";

    /// <summary>The ad account the Page sends and pays through: its number, with or without <c>act_</c>.</summary>
    public string? AdAccountId { get; init; }

    /// <summary>A system-user (or user) access token with ads_management and the marketing-messages permission. A secret: user secrets or a Key Vault reference; never logged.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The Graph API root without a version; tests and the Development fake point it at 127.0.0.1.</summary>
    public Uri GraphBaseUrl { get; init; } = new("https://graph.facebook.com");

    /// <summary>The Graph API version of the Marketing Messages calls (Meta's reference uses v24.0).</summary>
    public string GraphApiVersion { get; init; } = "v24.0";

    /// <summary>The largest budget one campaign may have, in the ad account currency's minor unit (cents): a campaign above it is refused.</summary>
    public long? MaxCampaignBudget { get; init; }

    /// <summary>Optional: Meta refuses a send (2300052) when the person and the Page talked within this many seconds.</summary>
    public int? MinConversationGapSeconds { get; init; }

    /// <summary>
    /// How long a campaign's spend read from Meta's insights is shown again before Meta is asked anew: a report refreshed
    /// in the console does not call Meta each time, and Meta's figures move slowly anyway (it counts deliveries late).
    /// </summary>
    public TimeSpan InsightsCache { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A local stand-in for Meta's endpoints, for Development (<see cref="LocalGraph.LocalGraphOptions"/>).</summary>
    public LocalGraph.LocalGraphOptions LocalGraph { get; init; } = new();

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AdAccountId) || SecretSetting.IsSet(AccessToken);

    /// <summary>The ad account as Meta's paths write it: <c>act_&lt;number&gt;</c>.</summary>
    public string AdAccountPath => $"act_{AdAccountNumber()}";

    /// <summary>Every problem with these settings, each by its full key; none when the product is off.</summary>
    public IEnumerable<string> Problems(string section, string? pageId)
    {
        foreach (var problem in LocalGraphProblems($"{section}:{nameof(LocalGraph)}"))
        {
            yield return problem;
        }

        if (!IsEnabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(AdAccountId))
        {
            yield return $"{section}:{nameof(AdAccountId)} is required when {section}:{nameof(AccessToken)} is set.";
        }
        else if (!AdAccountPattern().IsMatch(AdAccountId.Trim()))
        {
            yield return $"{section}:{nameof(AdAccountId)} must be the ad account's number, with or without act_ (e.g. act_1234567890).";
        }

        if (!SecretSetting.IsSet(AccessToken))
        {
            yield return $"{section}:{nameof(AccessToken)} is required when {section}:{nameof(AdAccountId)} is set (user secrets or a Key Vault reference).";
        }

        if (GraphBaseUrl is null || !GraphBaseUrl.IsAbsoluteUri || (GraphBaseUrl.Scheme != Uri.UriSchemeHttps && GraphBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{section}:{nameof(GraphBaseUrl)} must be an absolute http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(GraphApiVersion) || !VersionPattern().IsMatch(GraphApiVersion))
        {
            yield return $"{section}:{nameof(GraphApiVersion)} must look like v24.0.";
        }

        if (MaxCampaignBudget is not > 0)
        {
            yield return $"{section}:{nameof(MaxCampaignBudget)} is required and must be positive (the ad account currency's minor unit, e.g. 5000 for 50.00).";
        }

        if (InsightsCache <= TimeSpan.Zero || InsightsCache > TimeSpan.FromHours(1))
        {
            yield return $"{section}:{nameof(InsightsCache)} must be more than zero and at most 01:00:00.";
        }

        if (MinConversationGapSeconds is <= 0)
        {
            yield return $"{section}:{nameof(MinConversationGapSeconds)} must be positive when set.";
        }

        if (string.IsNullOrWhiteSpace(pageId))
        {
            yield return $"{section} needs Messenger:PageId: a Meta campaign names its Page by id.";
        }
    }

    private IEnumerable<string> LocalGraphProblems(string section)
    {
        var local = LocalGraph ?? new();
        if (!local.Enabled)
        {
            yield break;
        }

        if (local.WebhookUrl is { } url && (!url.IsAbsoluteUri || !url.IsLoopback || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"{section}:WebhookUrl must be an http(s) address on this machine (localhost, 127.0.0.1).";
        }

        if (local.PricePerDelivered <= 0)
        {
            yield return $"{section}:PricePerDelivered must be positive.";
        }

        if (local.DailyCapPerPerson < 1)
        {
            yield return $"{section}:DailyCapPerPerson must be at least 1.";
        }

        if (local.DuplicateShare is < 0 or > 1)
        {
            yield return $"{section}:DuplicateShare must be between 0 and 1.";
        }

        if (local.FailedShare is < 0 or > 1)
        {
            yield return $"{section}:FailedShare must be between 0 and 1.";
        }

        if (local.WarmUp < TimeSpan.Zero)
        {
            yield return $"{section}:WarmUp must not be negative.";
        }

        if (local.MaxWebhookDelay < TimeSpan.Zero)
        {
            yield return $"{section}:MaxWebhookDelay must not be negative.";
        }
    }

    private string AdAccountNumber()
    {
        var id = (AdAccountId ?? string.Empty).Trim();
        return id.StartsWith("act_", StringComparison.Ordinal) ? id[4..] : id;
    }

    [GeneratedRegex(@"^(act_)?[0-9]{1,30}$")]
    private static partial Regex AdAccountPattern();

    [GeneratedRegex(@"^v[0-9]{1,3}\.[0-9]{1,3}$")]
    private static partial Regex VersionPattern();
}
