using ConversationBot.Notifications.Subscriptions;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.OptIns;

/// <summary>Who a turn is with, in the domain's words: channel, customer, timezone.</summary>
public sealed record CustomerAddress(string ChannelId, string CustomerId, string? TimeZoneId)
{
    public bool IsMessenger => ChannelIds.IsMessenger(ChannelId);

    public static CustomerAddress Of(IActivity activity) => new(
        activity.ChannelId,
        activity.From.Id,
        activity is Activity { LocalTimezone: { Length: > 0 } zone } ? zone : null);
}
