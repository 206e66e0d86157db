using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Timing;
using Cronos;

namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>A validated schedule: which topic, when (cron in a time zone), and the configured content.</summary>
public sealed class CampaignSchedule
{
    private readonly CronExpression _cron;

    private CampaignSchedule(
        string id, string topicId, CronExpression cron, string cronText, TimeZoneInfo timeZone, LocalizedContent content, TimeSpan? validFor, LocalSendTime? localTime, bool ignoresQuietHours)
    {
        Id = id;
        TopicId = topicId;
        _cron = cron;
        Cron = cronText;
        TimeZone = timeZone;
        Localized = content;
        Content = content.DefaultVersion();
        ValidFor = validFor;
        LocalTime = localTime;
        IgnoresQuietHours = ignoresQuietHours;
    }

    public string Id { get; }

    public string TopicId { get; }

    public string Cron { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The default language's version.</summary>
    public CampaignContent Content { get; }

    /// <summary>Every language's version (one, in the fallback language, for a schedule given as Text).</summary>
    public LocalizedContent Localized { get; }

    /// <summary>Each firing at this time in every subscriber's zone; <c>null</c>: at the firing.</summary>
    public LocalSendTime? LocalTime { get; }

    public bool IgnoresQuietHours { get; }

    public TimeSpan? ValidFor { get; }

    /// <summary>The latest occurrence after <paramref name="after"/> and at or before <paramref name="upTo"/>, if any.</summary>
    public DateTimeOffset? LatestOccurrence(DateTimeOffset after, DateTimeOffset upTo) =>
        _cron.GetOccurrences(after, upTo, TimeZone, fromInclusive: false, toInclusive: true).Select(o => (DateTimeOffset?)o).LastOrDefault();

    public DateTimeOffset? NextOccurrence(DateTimeOffset after) => _cron.GetNextOccurrence(after, TimeZone);

    /// <summary>Builds the schedule, or says what is wrong with each setting (named by its configuration key).</summary>
    public static (CampaignSchedule? Schedule, IReadOnlyList<string> Problems) From(string id, ScheduleOptions options, Func<string, bool> topicExists, SubscriberLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(topicExists);
        var key = $"Delivery:Schedules:{id}";
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Topic) || !topicExists(options.Topic))
        {
            problems.Add($"{key}:Topic must name a configured topic (it is '{options.Topic}')");
        }

        CronExpression? cron = null;
        try
        {
            cron = CronExpression.Parse(options.Cron ?? string.Empty, CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            problems.Add($"{key}:Cron is not a five-field cron expression: {ex.Message}");
        }

        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out zone))
        {
            problems.Add($"{key}:TimeZone '{options.TimeZone}' is not a known time zone");
        }

        var content = ContentOf(options, key, languages, problems);
        LocalSendTime? localTime = null;
        if (options.LocalTime is not null)
        {
            if (TimingOptions.TryTime(options.LocalTime, out var time))
            {
                localTime = new LocalSendTime(time);
            }
            else
            {
                problems.Add($"{key}:LocalTime must be a time of day as HH:mm, e.g. 09:00");
            }
        }

        if (options.ValidFor is { } validFor && validFor <= TimeSpan.Zero)
        {
            problems.Add($"{key}:ValidFor must be positive");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new CampaignSchedule(id, options.Topic!, cron!, options.Cron!, zone!, content!, options.ValidFor, localTime, options.IgnoreQuietHours), problems);
    }

    /// <summary>The configured message: Text (one language) or Content per language, each checked by the campaign's own rules.</summary>
    private static LocalizedContent? ContentOf(ScheduleOptions options, string key, SubscriberLanguages languages, List<string> problems)
    {
        if (options.Content.Count == 0)
        {
            var single = Version(options.Text, options.ImageUrl, options.Buttons, $"{key}:ImageUrl", problems);
            problems.AddRange(single.Validate().Select(e => $"{key}: {e.Field} {e.Message}"));
            return LocalizedContent.OneLanguage(single, languages.Fallback);
        }

        if (options.Text is not null || options.ImageUrl is not null || options.Buttons.Count > 0)
        {
            problems.Add($"{key}:Content comes instead of Text, ImageUrl and Buttons, not with them");
        }

        var versions = options.Content.ToDictionary(
            c => c.Key,
            c => Version(c.Value.Text, c.Value.ImageUrl, c.Value.Buttons, $"{key}:Content:{c.Key}:ImageUrl", problems),
            StringComparer.OrdinalIgnoreCase);
        var localized = new LocalizedContent(string.IsNullOrWhiteSpace(options.DefaultLanguage) ? languages.Fallback : options.DefaultLanguage, versions);
        // Configuration keys separate with ':' where the API's field paths use '.'.
        problems.AddRange(localized.Validate(languages, "Content").Select(e => $"{key}:{e.Field.Replace('.', ':')} {e.Message}"));
        return localized;
    }

    private static CampaignContent Version(string? text, string? imageUrl, List<ScheduleButtonOptions> buttons, string imageKey, List<string> problems)
    {
        Uri? image = null;
        if (!string.IsNullOrWhiteSpace(imageUrl) && !Uri.TryCreate(imageUrl, UriKind.Absolute, out image))
        {
            problems.Add($"{imageKey} must be an absolute URL");
        }

        return new CampaignContent(text ?? string.Empty, image, [.. buttons.Select(b => new CampaignButton(b.Title ?? string.Empty, b.Payload ?? string.Empty))]);
    }
}
