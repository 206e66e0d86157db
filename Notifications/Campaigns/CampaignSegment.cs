using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// Which of a topic's subscribers a campaign is for: all of them, or only those in
/// <see cref="Languages"/>, on <see cref="Channels"/>, who opted in after <see cref="OptedInAfter"/>
/// and before <see cref="OptedInBefore"/>. An empty list means no filter on it.
/// </summary>
public sealed record CampaignSegment(
    IReadOnlyList<string>? Languages = null,
    IReadOnlyList<string>? Channels = null,
    DateTimeOffset? OptedInAfter = null,
    DateTimeOffset? OptedInBefore = null)
{
    public static CampaignSegment Everyone { get; } = new();

    public bool IsEveryone => (Languages ?? []).Count == 0 && (Channels ?? []).Count == 0 && OptedInAfter is null && OptedInBefore is null;

    /// <summary>Whether <paramref name="subscription"/> belongs, its language read as the bot speaks it (<see cref="SubscriberLanguages.Of"/>).</summary>
    public bool Includes(Subscription subscription, SubscriberLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(languages);
        return ((Languages ?? []).Count == 0 || Languages!.Contains(languages.Of(subscription.Language), StringComparer.OrdinalIgnoreCase))
            && ((Channels ?? []).Count == 0 || Channels!.Contains(subscription.ChannelId, StringComparer.OrdinalIgnoreCase))
            && (OptedInAfter is not { } after || subscription.OptedInAt > after)
            && (OptedInBefore is not { } before || subscription.OptedInAt < before);
    }

    /// <summary>Every rule the segment breaks, with its field (<c>segment.languages[0]</c>, ...).</summary>
    public IReadOnlyList<FieldError> Validate(SubscriberLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var errors = new List<FieldError>();
        var codes = Languages ?? [];
        for (var i = 0; i < codes.Count; i++)
        {
            if (!languages.IsSupported(codes[i]))
            {
                errors.Add(new FieldError($"segment.languages[{i}]", $"is not a language the bot speaks ({string.Join(", ", languages.Codes)})."));
            }
        }

        var channels = Channels ?? [];
        for (var i = 0; i < channels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(channels[i]))
            {
                errors.Add(new FieldError($"segment.channels[{i}]", "must be a channel id such as messenger, webchat or msteams."));
            }
        }

        if (OptedInAfter is { } after && OptedInBefore is { } before && before <= after)
        {
            errors.Add(new FieldError("segment.optedInBefore", "must be after segment.optedInAfter."));
        }

        return errors;
    }
}
