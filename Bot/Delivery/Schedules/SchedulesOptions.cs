namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>The <c>Delivery:Schedules</c> section.</summary>
public sealed class SchedulesOptions
{
    public Dictionary<string, ScheduleOptions> Schedules { get; set; } = new(StringComparer.Ordinal);
}
