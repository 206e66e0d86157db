using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Bot.BotFramework;

/// <summary>How the bot talks: the language for activities without a usable locale, and the size limit of an inbound activity.</summary>
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

    public CultureInfo FallbackCulture => SupportedCultures.Resolve(FallbackLanguage, SupportedCultures.English);
}
