namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary><c>Delivery:Schedules:&lt;id&gt;:Content:&lt;language&gt;</c>: one language's version of a schedule's message.</summary>
public sealed class ScheduleContentOptions
{
    public string? Text { get; set; }

    public string? ImageUrl { get; set; }

    public List<ScheduleButtonOptions> Buttons { get; set; } = [];
}
