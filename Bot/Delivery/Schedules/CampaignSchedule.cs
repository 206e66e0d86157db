using ConversationBot.Notifications.Campaigns;
using Cronos;

namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>A validated schedule: which topic, when (cron in a time zone), and the configured content.</summary>
public sealed class CampaignSchedule
{
    private readonly CronExpression _cron;

    private CampaignSchedule(string id, string topicId, CronExpression cron, string cronText, TimeZoneInfo timeZone, CampaignContent content, TimeSpan? validFor)
    {
        Id = id;
        TopicId = topicId;
        _cron = cron;
        Cron = cronText;
        TimeZone = timeZone;
        Content = content;
        ValidFor = validFor;
    }

    public string Id { get; }

    public string TopicId { get; }

    public string Cron { get; }

    public TimeZoneInfo TimeZone { get; }

    public CampaignContent Content { get; }

    public TimeSpan? ValidFor { get; }

    /// <summary>The latest occurrence after <paramref name="after"/> and at or before <paramref name="upTo"/>, if any.</summary>
    public DateTimeOffset? LatestOccurrence(DateTimeOffset after, DateTimeOffset upTo) =>
        _cron.GetOccurrences(after, upTo, TimeZone, fromInclusive: false, toInclusive: true).Select(o => (DateTimeOffset?)o).LastOrDefault();

    public DateTimeOffset? NextOccurrence(DateTimeOffset after) => _cron.GetNextOccurrence(after, TimeZone);

    /// <summary>Builds the schedule, or says what is wrong with each setting (named by its configuration key).</summary>
    public static (CampaignSchedule? Schedule, IReadOnlyList<string> Problems) From(string id, ScheduleOptions options, Func<string, bool> topicExists)
    {
        ArgumentNullException.ThrowIfNull(options);
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

        Uri? image = null;
        if (!string.IsNullOrWhiteSpace(options.ImageUrl) && !Uri.TryCreate(options.ImageUrl, UriKind.Absolute, out image))
        {
            problems.Add($"{key}:ImageUrl must be an absolute URL");
        }

        var content = new CampaignContent(options.Text ?? string.Empty, image, [.. options.Buttons.Select(b => new CampaignButton(b.Title ?? string.Empty, b.Payload ?? string.Empty))]);
        problems.AddRange(content.Validate().Select(e => $"{key}: {e.Field} {e.Message}"));
        if (options.ValidFor is { } validFor && validFor <= TimeSpan.Zero)
        {
            problems.Add($"{key}:ValidFor must be positive");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new CampaignSchedule(id, options.Topic!, cron!, options.Cron!, zone!, content, options.ValidFor), problems);
    }
}
