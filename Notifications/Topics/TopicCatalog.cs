using System.Diagnostics.CodeAnalysis;

namespace ConversationBot.Notifications.Topics;

/// <summary>The configured topics, looked up by id, by Messenger payload, or by title.</summary>
public sealed class TopicCatalog
{
    private readonly Dictionary<string, Topic> _byId;
    private readonly Dictionary<string, Topic> _byPayload;
    private readonly Dictionary<string, Topic> _byTitle;

    private TopicCatalog(IEnumerable<Topic> topics)
    {
        var list = topics.ToArray();
        _byId = list.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _byPayload = list.ToDictionary(t => t.MessengerPayload, StringComparer.Ordinal);
        _byTitle = new Dictionary<string, Topic>(StringComparer.OrdinalIgnoreCase);
        foreach (var topic in list)
        {
            foreach (var text in topic.Texts.Values)
            {
                _byTitle.TryAdd(text.Title.Trim(), topic);
            }
        }

        Topics = list;
    }

    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>Builds a catalog from topics already built (tests, code-defined topics).</summary>
    public static TopicCatalog Of(params Topic[] topics) => new(topics);

    /// <summary>
    /// Builds the catalog from <c>Notifications:Topics</c>, throwing one exception that lists every
    /// problem (see <see cref="TopicValidator"/>) so the host stops at start-up.
    /// </summary>
    public static TopicCatalog FromOptions(IReadOnlyDictionary<string, TopicOptions>? topics, IncentiveWordList incentiveWords)
    {
        var problems = TopicValidator.Validate(topics, incentiveWords);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid notification topics:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return new TopicCatalog((topics ?? new Dictionary<string, TopicOptions>()).Select(t => Build(t.Key, t.Value)));
    }

    public bool TryGet(string? id, [NotNullWhen(true)] out Topic? topic) => TryFind(_byId, id, out topic);

    /// <summary>The topic whose payload an opt-in webhook returned (docs/messenger-platform.md §3).</summary>
    public bool TryGetByPayload(string? payload, [NotNullWhen(true)] out Topic? topic) => TryFind(_byPayload, payload, out topic);

    /// <summary>
    /// The topic with this title in any language: how opt-ins the bot never requested (platform
    /// prompts, empty or unknown payload) are matched to a topic where possible (docs/messenger-platform.md §3).
    /// </summary>
    public bool TryGetByTitle(string? title, [NotNullWhen(true)] out Topic? topic) => TryFind(_byTitle, title?.Trim(), out topic);

    internal static Dictionary<string, TopicText> TextsOf(TopicOptions options)
    {
        var texts = new Dictionary<string, TopicText>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, text) in options.Texts ?? [])
        {
            texts[language] = new TopicText(text?.Title ?? string.Empty, text?.Description ?? string.Empty, text?.ShortTitle);
        }

        if (!texts.ContainsKey("en") && (options.Title is not null || options.Description is not null))
        {
            texts["en"] = new TopicText(options.Title ?? string.Empty, options.Description ?? string.Empty, options.ShortTitle);
        }

        return texts;
    }

    private static Topic Build(string id, TopicOptions options)
    {
        var callToAction = CallToActionSpelling.TryParse(options.CallToAction, out var parsed) ? parsed : null;
        return Topic.Unchecked(
            id,
            string.IsNullOrWhiteSpace(options.ImageUrl) ? null : new Uri(options.ImageUrl, UriKind.Absolute),
            Enum.Parse<Frequency>(options.Frequency!, ignoreCase: true),
            string.IsNullOrWhiteSpace(options.MessengerPayload) ? Topic.DefaultPayload(id) : options.MessengerPayload,
            callToAction ?? CallToAction.GetUpdates,
            TextsOf(options));
    }

    private static bool TryFind(Dictionary<string, Topic> index, string? key, [NotNullWhen(true)] out Topic? topic)
    {
        if (!string.IsNullOrEmpty(key) && index.TryGetValue(key, out var found))
        {
            topic = found;
            return true;
        }

        topic = null;
        return false;
    }
}
