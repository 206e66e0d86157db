using System.ComponentModel.DataAnnotations;
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
    /// How long one Send API call may take. A turn waits for its sends and Meta wants the webhook's 200
    /// within 5 seconds, so a stuck call fails early; a call that timed out may still have arrived and
    /// is never sent again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

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
    public Uri SendApiUrl => new($"{GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(new MessengerPage(PageId).Key)}/messages");
}
