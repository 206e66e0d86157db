using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Cards;

/// <summary>
/// Messenger's own opt-in request, the <c>notification_messages</c> template
/// (docs/messenger-platform.md §2): the Send API <c>message</c> object, for the host to wrap with the recipient.
/// Not an Adaptive Card: Messenger shows it natively with its own button, and the opt-in arrives
/// as a <c>messaging_optins</c> webhook event rather than a card submission.
/// </summary>
public static class MessengerOptInTemplate
{
    public const string TemplateType = "notification_messages";

    public static JsonObject Build(Topic topic, PlatformProfile profile, string? timeZoneId, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(culture);

        var payload = new JsonObject
        {
            ["template_type"] = TemplateType,
            ["payload"] = topic.MessengerPayload,
            ["title"] = FitTitle(topic.TextFor(culture.Name).Title),
        };

        if (topic.ImageUrl is not null)
        {
            payload["image_url"] = topic.ImageUrl.AbsoluteUri;
            // Topic images are wide banners (the opt-in card stretches them too); naming the ratio
            // keeps Messenger from fitting them to another one.
            payload["image_aspect_ratio"] = "HORIZONTAL";
        }

        if (!string.IsNullOrWhiteSpace(timeZoneId))
        {
            // Under Launch2022 the platform counts calendar weeks and months in this zone.
            payload["notification_messages_timezone"] = timeZoneId.Trim();
        }

        payload["notification_messages_cta_text"] = topic.CallToAction.ToPlatformValue();

        // Deprecated since API v16 (Feb 2023) and ignored or refused after that, so only the
        // profile that models the 2022 rules sends them (docs/messenger-platform.md §1).
        if (profile.RequestCarriesFrequency)
        {
            payload["notification_messages_frequency"] = FrequencyValue(topic.Frequency);
        }

        if (profile.ReOptInOffered)
        {
            payload["notification_messages_reoptin"] = "ENABLED";
        }

        return new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = payload,
            },
        };
    }

    /// <summary>
    /// The title trimmed and cut to Messenger's 65 characters (UTF-16 units, the stricter reading)
    /// without splitting a letter, accent or emoji. Topics are validated at start-up, so this only
    /// guards against a title that slipped past; a refused request would be worse than a shorter title.
    /// </summary>
    internal static string FitTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim();
        if (trimmed.Length == 0)
        {
            // Messenger would show its default "Updates and promotions", which does not say what
            // the person gets (docs/messenger-platform.md §2).
            throw new ArgumentException("A Messenger opt-in request needs a title.", nameof(title));
        }

        if (trimmed.Length <= Topic.MaxTitleLength)
        {
            return trimmed;
        }

        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(trimmed);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (length + element.Length > Topic.MaxTitleLength)
            {
                break;
            }
            length += element.Length;
        }

        return trimmed[..length].TrimEnd();
    }

    private static string FrequencyValue(Frequency frequency) => frequency switch
    {
        Frequency.Daily => "DAILY",
        Frequency.Weekly => "WEEKLY",
        Frequency.Monthly => "MONTHLY",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency."),
    };
}
