using System.Globalization;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Messenger.MarketingMessages;

namespace ConversationBot.Bot.Messenger;

/// <summary>The Messenger channel's settings: declared ranges, an absolute http(s) Graph URL, a culture name or nothing as locale.</summary>
public sealed class MessengerOptionsValidation() : SettingsValidator<MessengerOptions>(MessengerOptions.SectionName)
{
    protected override IEnumerable<string> Problems(MessengerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.GraphBaseUrl is null || !options.GraphBaseUrl.IsAbsoluteUri || (options.GraphBaseUrl.Scheme != Uri.UriSchemeHttps && options.GraphBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{MessengerOptions.SectionName}:{nameof(MessengerOptions.GraphBaseUrl)} must be an absolute http(s) URL.";
        }

        if (!IsCultureName(options.Locale))
        {
            yield return $"{MessengerOptions.SectionName}:{nameof(MessengerOptions.Locale)} must be empty or a culture name such as de-CH.";
        }

        foreach (var problem in (options.MarketingMessages ?? new()).Problems($"{MessengerOptions.SectionName}:{MarketingMessagesOptions.SectionName}", options.PageId))
        {
            yield return problem;
        }
    }

    private static bool IsCultureName(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return true;
        }

        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
