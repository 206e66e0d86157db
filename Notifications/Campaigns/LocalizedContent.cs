using ConversationBot.Notifications.Languages;

namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// A campaign's message in each language it was written in (<c>{"en": {...}, "de": {...}}</c>), and
/// the language whose version goes to subscribers whose language has none (<see cref="DefaultLanguage"/>).
/// Each version is a whole <see cref="CampaignContent"/> and keeps Messenger's limits on its own:
/// a German text runs longer than its English one, so a limit checked on one says nothing of the other.
/// </summary>
public sealed record LocalizedContent
{
    public LocalizedContent(string defaultLanguage, IReadOnlyDictionary<string, CampaignContent> versions)
    {
        ArgumentNullException.ThrowIfNull(defaultLanguage);
        ArgumentNullException.ThrowIfNull(versions);
        DefaultLanguage = defaultLanguage.Trim().ToLowerInvariant();
        Versions = versions.ToDictionary(v => v.Key.Trim().ToLowerInvariant(), v => v.Value, StringComparer.Ordinal);
    }

    public string DefaultLanguage { get; }

    /// <summary>Keyed by two-letter language code, lower case.</summary>
    public IReadOnlyDictionary<string, CampaignContent> Versions { get; }

    /// <summary>The default language's version; what a campaign of one language says to everyone.</summary>
    public CampaignContent DefaultVersion() => Versions.TryGetValue(DefaultLanguage, out var content) ? content : Versions.Values.First();

    /// <summary>The plain single-language form: one version, in <paramref name="language"/>, for everyone.</summary>
    public static LocalizedContent OneLanguage(CampaignContent content, string language) =>
        new(language, new Dictionary<string, CampaignContent>(StringComparer.Ordinal) { [language] = content });

    /// <summary>The version in <paramref name="language"/>, else the default language's.</summary>
    public CampaignContent For(string? language) =>
        language is not null && Versions.TryGetValue(language.Trim().ToLowerInvariant(), out var content) ? content : DefaultVersion();

    /// <summary>
    /// Every rule the versions break, each with its field path under <paramref name="field"/> (e.g.
    /// <c>content.de.buttons[1].title</c>): a language the bot does not speak, a default language with
    /// no version, and each version's own limits (<see cref="CampaignContent.Validate"/>).
    /// </summary>
    public IReadOnlyList<FieldError> Validate(SubscriberLanguages languages, string field = "content")
    {
        ArgumentNullException.ThrowIfNull(languages);
        var errors = new List<FieldError>();
        if (Versions.Count == 0)
        {
            errors.Add(new FieldError(field, "needs at least one language version."));
            return errors;
        }

        foreach (var (language, content) in Versions)
        {
            var path = $"{field}.{language}";
            if (!languages.IsSupported(language))
            {
                errors.Add(new FieldError(path, $"is not a language the bot speaks ({string.Join(", ", languages.Codes)})."));
                continue;
            }

            if (content is null)
            {
                errors.Add(new FieldError(path, "must be an object with text, imageUrl and buttons."));
                continue;
            }

            errors.AddRange(content.Validate().Select(e => e with { Field = $"{path}.{e.Field}" }));
        }

        if (!Versions.ContainsKey(DefaultLanguage))
        {
            errors.Add(new FieldError("defaultLanguage", $"'{DefaultLanguage}' has no version in {field} ({string.Join(", ", Versions.Keys)})."));
        }

        return errors;
    }
}
