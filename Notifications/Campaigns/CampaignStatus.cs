namespace ConversationBot.Notifications.Campaigns;

public enum CampaignStatus
{
    /// <summary>Waiting for its start time.</summary>
    Scheduled,

    /// <summary>Being delivered (or due to continue: a lease that expired means its instance died).</summary>
    Running,

    /// <summary>Every active subscriber was reached, or the end time passed.</summary>
    Completed,

    /// <summary>Stopped by an operator; nothing more is sent.</summary>
    Cancelled,
}
