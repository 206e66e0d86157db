using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Notifications.Delivery.Work;

/// <summary>One instance's part in a campaign: the outcomes of the items it finished, and whether it is working an item now.</summary>
public sealed record InstanceShare(string Instance, DeliveryCounts Counts, int ItemsDone, bool Working, double Share);
