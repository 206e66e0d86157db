namespace ConversationBot.Notifications.Topics;

/// <summary>
/// A subject a customer can subscribe to ("Weekly deals"), with the frequency it promises.
/// Immutable; built and validated by <see cref="TopicCatalog"/> (or <see cref="Create"/>).
/// </summary>
public sealed class Topic
{
    /// <summary>The topic of opt-ins whose payload and title match no configured topic (docs/messenger-platform.md §3).</summary>
    public const string UnknownId = "unknown";

    /// <summary>Messenger's limit on the opt-in template title (docs/messenger-platform.md §2).</summary>
    public const int MaxTitleLength = 65;

    /// <summary>The longest button or quick reply title: Messenger cuts quick replies at 20 characters.</summary>
    public const int MaxShortTitleLength = 20;

    /// <summary>The languages every topic must carry texts for.</summary>
    public static readonly IReadOnlyList<string> RequiredLanguages = ["en", "de"];

    private readonly Dictionary<string, TopicText> _texts;

    private Topic(string id, Uri? imageUrl, Frequency frequency, string messengerPayload, CallToAction callToAction, Dictionary<string, TopicText> texts)
    {
        Id = id;
        ImageUrl = imageUrl;
        Frequency = frequency;
        MessengerPayload = messengerPayload;
        CallToAction = callToAction;
        _texts = texts;
    }

    public string Id { get; }

    /// <summary>The English title: what the opt-in request's <c>title</c> carries by default.</summary>
    public string Title => _texts["en"].Title;

    public string Description => _texts["en"].Description;

    public Uri? ImageUrl { get; }

    /// <summary>The product's promise: at most one message per this calendar period, on every channel.</summary>
    public Frequency Frequency { get; }

    /// <summary>What the opt-in request's <c>payload</c> carries and the webhook returns (docs/messenger-platform.md §2-3).</summary>
    public string MessengerPayload { get; }

    public CallToAction CallToAction { get; }

    public IReadOnlyDictionary<string, TopicText> Texts => _texts;

    /// <summary>The default Messenger payload for a topic id.</summary>
    public static string DefaultPayload(string id) => "topic:" + id;

    /// <summary>The text for <paramref name="language"/> (e.g. "de" or "de-CH"), falling back to English.</summary>
    public TopicText TextFor(string? language)
    {
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (_texts.TryGetValue(language, out var exact))
            {
                return exact;
            }

            var dash = language.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && _texts.TryGetValue(language[..dash], out var neutral))
            {
                return neutral;
            }
        }

        return _texts["en"];
    }

    /// <summary>
    /// Builds a topic, throwing when it breaks a rule <see cref="TopicValidator"/> checks. Prefer
    /// <see cref="TopicCatalog.FromOptions"/> at start-up: it reports every problem at once.
    /// </summary>
    public static Topic Create(
        string id,
        Frequency frequency,
        IReadOnlyDictionary<string, TopicText> texts,
        Uri? imageUrl = null,
        string? messengerPayload = null,
        CallToAction callToAction = CallToAction.GetUpdates,
        IncentiveWordList? incentiveWords = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var topic = new Topic(
            id,
            imageUrl,
            frequency,
            string.IsNullOrWhiteSpace(messengerPayload) ? DefaultPayload(id) : messengerPayload,
            callToAction,
            new Dictionary<string, TopicText>(texts, StringComparer.OrdinalIgnoreCase));
        var problems = TopicValidator.Validate(topic, incentiveWords ?? IncentiveWordList.Default);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(texts));
        }

        return topic;
    }

    internal static Topic Unchecked(string id, Uri? imageUrl, Frequency frequency, string payload, CallToAction callToAction, Dictionary<string, TopicText> texts) =>
        new(id, imageUrl, frequency, payload, callToAction, texts);
}
