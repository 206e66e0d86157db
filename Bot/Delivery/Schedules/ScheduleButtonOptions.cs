namespace ConversationBot.Bot.Delivery.Schedules;

public sealed class ScheduleButtonOptions
{
    public string? Title { get; set; }

    public string? Payload { get; set; }
}
