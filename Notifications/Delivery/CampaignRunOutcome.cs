namespace ConversationBot.Notifications.Delivery;

/// <summary>How one <see cref="CampaignRunner.RunAsync"/> ended.</summary>
public enum CampaignRunOutcome
{
    /// <summary>Not due, finished, or another instance holds the lease.</summary>
    NotTaken,

    /// <summary>Every active subscriber was reached, or the end time passed.</summary>
    Completed,

    Cancelled,

    /// <summary>The page is restricted from sending; the campaign continues when the restriction ends.</summary>
    PutOff,

    /// <summary>This instance is stopping: unsent claims were handed back and the lease released.</summary>
    Interrupted,

    /// <summary>Another instance took the campaign over (this one's lease ran out).</summary>
    LeaseLost,
}
