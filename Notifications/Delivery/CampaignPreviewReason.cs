namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Subscribers a campaign would skip (or fail to reach) for one reason, named as the campaign's delivery
/// records name it (<see cref="Eligibility.NotEligibleReason"/>, <see cref="DeliveryReasons.NoSender"/>),
/// with the earliest instant one of them may get a message; <c>null</c> when none ever may (a stop).
/// </summary>
public sealed record CampaignPreviewReason(string Reason, long Count, DateTimeOffset? EarliestNextEligibleAt);
