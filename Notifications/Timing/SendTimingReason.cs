namespace ConversationBot.Notifications.Timing;

public enum SendTimingReason
{
    /// <summary>Due when the campaign starts.</summary>
    CampaignStart,

    /// <summary>Waits for the subscriber's local time ("09:00 local").</summary>
    LocalTime,

    /// <summary>Waits for the end of the subscriber's quiet hours.</summary>
    QuietHours,
}
