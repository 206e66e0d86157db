namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary><c>Delivery:Schedules:&lt;id&gt;</c>: a topic's recurring campaign.</summary>
public sealed class ScheduleOptions
{
    /// <summary>The topic whose subscribers get each firing.</summary>
    public string? Topic { get; set; }

    /// <summary>A five-field cron expression (minute hour day-of-month month day-of-week), e.g. <c>0 9 * * MON</c>.</summary>
    public string? Cron { get; set; }

    /// <summary>The IANA time zone the cron expression is read in; empty means UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The message of every firing (the configured content source).</summary>
    public string? Text { get; set; }

    public string? ImageUrl { get; set; }

    public List<ScheduleButtonOptions> Buttons { get; set; } = [];

    /// <summary>The message per language (<c>Content:de:Text</c>, ...) instead of <see cref="Text"/>, <see cref="ImageUrl"/> and <see cref="Buttons"/>.</summary>
    public Dictionary<string, ScheduleContentOptions> Content { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>With <see cref="Content"/>: the version for subscribers whose language has none; empty means Bot:FallbackLanguage.</summary>
    public string? DefaultLanguage { get; set; }

    /// <summary>
    /// HH:mm: each firing reaches every subscriber at that time in their own zone, the first such moment
    /// after the firing (so fire early, e.g. <c>0 0 * * MON</c> in UTC for Monday 09:00 everywhere east of it).
    /// </summary>
    public string? LocalTime { get; set; }

    /// <summary>True sends inside the subscribers' quiet hours (<c>Delivery:QuietHours</c>).</summary>
    public bool IgnoreQuietHours { get; set; }

    /// <summary>How long after its firing a campaign may still send (its end time); empty means no end.</summary>
    public TimeSpan? ValidFor { get; set; }
}
