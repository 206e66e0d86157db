using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// How the bot talks (the language for activities without a usable locale, the size limit of an
/// inbound activity) and whom it trusts when it runs without Bot Framework authentication
/// (docs/security.md).
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>"en" or "de".</summary>
    [Required]
    [RegularExpression("^(en|de)$", ErrorMessage = "Bot:FallbackLanguage must be 'en' or 'de'.")]
    public string FallbackLanguage { get; init; } = "en";

    /// <summary>Larger activities are refused with 413. Bot Framework channels send far less; this keeps a flood from filling memory.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Outside Development the host refuses to start without Bot Framework credentials
    /// (<see cref="BotCredentials"/>) unless this is true; then anyone who reaches /api/messages can run a turn,
    /// and the start-up log warns on every start. For a bot only a trusted network reaches.
    /// </summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>
    /// Without authentication the bot replies (and sends proactive messages) only to loopback service
    /// URLs and to these: absolute http(s) URLs, matched on scheme, host, port and path prefix. With
    /// authentication the service URL comes from a validated token and this list is not consulted.
    /// </summary>
    public IReadOnlyList<string> AllowedServiceUrls { get; init; } = [];

    public CultureInfo FallbackCulture => SupportedCultures.Resolve(FallbackLanguage, SupportedCultures.English);
}
