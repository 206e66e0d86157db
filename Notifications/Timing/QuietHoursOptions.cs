namespace ConversationBot.Notifications.Timing;

/// <summary><c>Delivery:QuietHours</c>: from <see cref="Start"/> to <see cref="End"/> (HH:mm, the subscriber's local time) no campaign message goes out.</summary>
public sealed class QuietHoursOptions
{
    public string Start { get; set; } = "21:00";

    public string End { get; set; } = "08:00";
}
