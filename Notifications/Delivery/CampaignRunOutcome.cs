namespace ConversationBot.Notifications.Delivery;

/// <summary>How one <see cref="CampaignRunner.RunAsync"/> ended.</summary>
public enum CampaignRunOutcome
{
    /// <summary>Not due, finished, another instance is starting it, or every item is held by other instances.</summary>
    NotTaken,

    /// <summary>Every active subscriber was reached, or the end time passed.</summary>
    Completed,

    Cancelled,

    /// <summary>The page is restricted from sending; the campaign continues when the restriction ends.</summary>
    PutOff,

    /// <summary>This instance is stopping: unsent claims were handed back and its item released.</summary>
    Interrupted,

    /// <summary>Another instance took this instance's item over (its lease ran out).</summary>
    LeaseLost,

    /// <summary>This instance worked items of the campaign; the rest are held by other instances.</summary>
    LeftToOthers,
}
