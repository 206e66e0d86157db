using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Notifications.Funnel;

namespace ConversationBot.Bot.Funnel;

/// <summary>
/// One entry's funnel as the admin API shows it: the ref (<c>topic_weekly-deals</c>), the source label
/// (<c>poster</c>, <c>comment-deals</c>, or null), what it starts, the five counts, and the rates from
/// one step to the next (null where the step before counted nothing).
/// </summary>
public sealed record FunnelEntryView(
    string Entry,
    string Ref,
    string? Source,
    string Starts,
    long Entered,
    long Conversations,
    long OffersShown,
    long OptIns,
    long Stops,
    double? ConversationRate,
    double? OptInRate,
    double? StopRate)
{
    public static FunnelEntryView Of(FunnelCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var entry = ConversationEntry.Parse(counts.Entry) ?? ConversationEntry.Welcome;
        return new FunnelEntryView(
            counts.Entry,
            (entry with { Source = null }).ToString(),
            entry.Source,
            entry.Kind switch
            {
                ConversationEntryKind.Dialog => "dialog " + entry.Target,
                ConversationEntryKind.Topic => "offer of " + entry.Target,
                _ => "welcome",
            },
            counts.Entered,
            counts.Conversations,
            counts.OffersShown,
            counts.OptIns,
            counts.Stops,
            Rate(counts.Conversations, counts.Entered),
            Rate(counts.OptIns, counts.OffersShown),
            Rate(counts.Stops, counts.OptIns));
    }

    private static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
