using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Notifications.OptIns;

/// <summary>
/// Everything <see cref="OptInPolicy"/> needs to know about one customer at one moment.
/// <see cref="TimeZoneId"/> (IANA, null = UTC) decides what "today" means for the daily cap.
/// </summary>
public sealed record OptInContext(
    string ChannelId,
    string CustomerId,
    MessagingWindow Window,
    OfferHistory History,
    IReadOnlyList<Subscription> Subscriptions,
    PageStatus Page,
    StopRateStatus? StopRate,
    string? TimeZoneId = null);
