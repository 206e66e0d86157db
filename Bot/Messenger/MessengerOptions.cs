using System.ComponentModel.DataAnnotations;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Bot.Security;
using ConversationBot.Notifications.OptIns;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// The Facebook page the bot answers in Messenger. The secrets come from configuration only (user
/// secrets, the environment, Key Vault), never from the repository. Without app secret, verify
/// token and page access token the channel is off: its endpoints are not mapped.
/// </summary>
public sealed class MessengerOptions
{
    public const string SectionName = "Messenger";

    /// <summary>The Meta app's secret: the key of the webhook signatures (X-Hub-Signature-256).</summary>
    public string? AppSecret { get; init; }

    /// <summary>The string Meta sends back in the subscription handshake; any random value chosen when the webhook is set up.</summary>
    public string? VerifyToken { get; init; }

    /// <summary>The page access token the Send API calls carry. Never logged.</summary>
    public string? PageAccessToken { get; init; }

    /// <summary>
    /// The page's id: the Send API path and the key its restrictions are stored under
    /// (<see cref="MessengerPage"/>); empty: "me", which the page token resolves to its page.
    /// </summary>
    public string? PageId { get; init; }

    /// <summary>
    /// The page's username (its @handle), for m.me links and QR codes (Bot/Messenger/Links); empty: the
    /// links use <see cref="PageId"/>, which m.me accepts too.
    /// </summary>
    [RegularExpression(@"^[A-Za-z0-9.]{1,100}$", ErrorMessage = "is a page username: letters, digits and dots")]
    public string? PageUsername { get; init; }

    /// <summary>The Graph API root with its version; tests point it at a fake.</summary>
    [Required]
    public Uri GraphBaseUrl { get; init; } = new("https://graph.facebook.com/v21.0");

    /// <summary>
    /// Messenger sends no locale, so this one is given to every Messenger activity (e.g. "de-CH" for a
    /// German-speaking page). Empty: the activity has no locale and Bot:FallbackLanguage applies.
    /// </summary>
    public string? Locale { get; init; }

    /// <summary>Larger webhook bodies are refused with 413 before the signature is even computed. Meta's batches are a few kilobytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// How long one Send API call may take. A customer waits for the reply, so a stuck call fails early;
    /// a call that timed out may still have arrived and is never sent again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a host's hold on a webhook event lasts: a turn that is still not done after this long
    /// belongs to a host that stopped, and another host (or this one, restarted) takes it over. Turns take
    /// milliseconds to seconds; the take-over waits this long after a crash.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TurnLease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many webhook turns run at once, each customer's one after another. The webhook answers Meta
    /// as soon as a POST is stored; this bounds the work behind it (and the Send API calls in flight).
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentTurns { get; init; } = 64;

    /// <summary>
    /// The Page has Meta's Human Agent permission, so a person may answer from 24 hours to 7 days after the
    /// customer's last message with the <c>HUMAN_AGENT</c> tag; off: only inside 24 hours (docs/handoff.md).
    /// </summary>
    public bool HumanAgentTag { get; init; }

    /// <summary>The Page's set-up for Meta's paid Marketing Messages API (<c>Messenger:MarketingMessages</c>); off when empty.</summary>
    public MarketingMessagesOptions MarketingMessages { get; init; } = new();

    public bool IsEnabled => MissingSettings().Count == 0;

    /// <summary>The settings that keep the channel off, by their configuration names.</summary>
    public IReadOnlyList<string> MissingSettings()
    {
        var missing = new List<string>();
        if (!SecretSetting.IsSet(AppSecret))
        {
            missing.Add($"{SectionName}:{nameof(AppSecret)}");
        }

        if (!SecretSetting.IsSet(VerifyToken))
        {
            missing.Add($"{SectionName}:{nameof(VerifyToken)}");
        }

        if (!SecretSetting.IsSet(PageAccessToken))
        {
            missing.Add($"{SectionName}:{nameof(PageAccessToken)}");
        }

        return missing;
    }

    /// <summary>The Send API address: {GraphBaseUrl}/{PageId or me}/messages.</summary>
    public Uri SendApiUrl => PageEdgeUrl("messages");

    /// <summary>An edge of the page in the Graph API: {GraphBaseUrl}/{PageId or me}/{edge} (messages, messenger_profile).</summary>
    public Uri PageEdgeUrl(string edge) => new($"{GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(new MessengerPage(PageId).Key)}/{edge}");
}
