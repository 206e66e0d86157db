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

    /// <summary>How long after its firing a campaign may still send (its end time); empty means no end.</summary>
    public TimeSpan? ValidFor { get; set; }
}
