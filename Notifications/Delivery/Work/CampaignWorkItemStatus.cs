namespace ConversationBot.Notifications.Delivery.Work;

public enum CampaignWorkItemStatus
{
    /// <summary>Not finished: free to claim when nobody holds a live lease on it.</summary>
    Open,

    /// <summary>Every subscriber of the item has an outcome, counted in the item.</summary>
    Done,
}
