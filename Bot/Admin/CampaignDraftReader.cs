using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Timing;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// A campaign request as the domain's draft: the plain single-language form, or the versions per
/// language. What only the request can get wrong (both forms at once, an image URL that is no URL) is
/// named here by its field; every other rule is the domain's (<see cref="CampaignService.Validate"/>).
/// </summary>
public static class CampaignDraftReader
{
    public static CampaignDraft? Read(CampaignRequest body, SubscriberLanguages languages, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(errors);
        var segment = body.Segment is { } s ? new CampaignSegment(s.Languages, s.Channels, s.OptedInAfter, s.OptedInBefore) : CampaignSegment.Everyone;
        var localTime = LocalTime(body, errors);
        var draft = Content(body, languages, segment, errors);
        return draft is null || errors.Count > 0 ? null : draft with { LocalTime = localTime, IgnoresQuietHours = body.IgnoreQuietHours, Budget = body.Budget, WithoutMarketingMessages = body.WithoutMarketingMessages };
    }

    private static LocalSendTime? LocalTime(CampaignRequest body, List<FieldError> errors)
    {
        if (body.LocalTime is null)
        {
            if (body.LocalDate is not null)
            {
                errors.Add(new FieldError("localDate", "goes with localTime (e.g. \"09:00\")."));
            }

            return null;
        }

        if (!TimingOptions.TryTime(body.LocalTime, out var time))
        {
            errors.Add(new FieldError("localTime", "must be a time of day as HH:mm, e.g. 09:00."));
            return null;
        }

        if (body.SendAt is not null)
        {
            errors.Add(new FieldError("localTime", "comes instead of sendAt: the time is each subscriber's own."));
        }

        return new LocalSendTime(time, body.LocalDate);
    }

    private static CampaignDraft? Content(CampaignRequest body, SubscriberLanguages languages, CampaignSegment segment, List<FieldError> errors)
    {
        if (body.Content is null)
        {
            if (body.DefaultLanguage is not null)
            {
                errors.Add(new FieldError("defaultLanguage", "goes with content per language; a plain text is for everyone."));
            }

            var plain = Version(new CampaignContentRequest(body.Text, body.ImageUrl, body.Buttons), string.Empty, errors);
            return plain is null ? null : new CampaignDraft(body.Topic, LocalizedContent.OneLanguage(plain, languages.Fallback), segment, body.SendAt, body.EndAt, IsPlain: true);
        }

        if (body.Text is not null || body.ImageUrl is not null || body.Buttons is not null)
        {
            errors.Add(new FieldError("content", "comes instead of text, imageUrl and buttons, not with them."));
        }

        var versions = new Dictionary<string, CampaignContent>(StringComparer.Ordinal);
        foreach (var (language, request) in body.Content)
        {
            var key = language.Trim().ToLowerInvariant();
            if (request is null)
            {
                errors.Add(new FieldError($"content.{key}", "must be an object with text, imageUrl and buttons."));
                continue;
            }

            if (versions.ContainsKey(key))
            {
                errors.Add(new FieldError($"content.{key}", "is given twice."));
                continue;
            }

            if (Version(request, $"content.{key}.", errors) is { } version)
            {
                versions[key] = version;
            }
        }

        var defaultLanguage = body.DefaultLanguage ?? languages.Fallback;
        return errors.Count > 0 ? null : new CampaignDraft(body.Topic, new LocalizedContent(defaultLanguage, versions), segment, body.SendAt, body.EndAt);
    }

    private static CampaignContent? Version(CampaignContentRequest request, string prefix, List<FieldError> errors)
    {
        Uri? image = null;
        if (!string.IsNullOrWhiteSpace(request.ImageUrl) && !Uri.TryCreate(request.ImageUrl, UriKind.Absolute, out image))
        {
            errors.Add(new FieldError($"{prefix}imageUrl", "must be an absolute https URL."));
            return null;
        }

        return new CampaignContent(
            request.Text ?? string.Empty,
            image,
            [.. (request.Buttons ?? []).Select(b => new CampaignButton(b?.Title ?? string.Empty, b?.Payload ?? string.Empty))]);
    }
}
