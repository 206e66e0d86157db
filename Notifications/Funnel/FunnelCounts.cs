namespace ConversationBot.Notifications.Funnel;

/// <summary>How many times each stage of the funnel was reached for one entry (a ref with its source label) over some days.</summary>
public sealed record FunnelCounts(string Entry, long Entered, long Conversations, long OffersShown, long OptIns, long Stops)
{
    public static FunnelCounts Zero(string entry) => new(entry, 0, 0, 0, 0, 0);

    public long Of(FunnelStage stage) => stage switch
    {
        FunnelStage.Entered => Entered,
        FunnelStage.Conversation => Conversations,
        FunnelStage.OfferShown => OffersShown,
        FunnelStage.OptIn => OptIns,
        _ => Stops,
    };

    public FunnelCounts Add(FunnelStage stage, long count) => stage switch
    {
        FunnelStage.Entered => this with { Entered = Entered + count },
        FunnelStage.Conversation => this with { Conversations = Conversations + count },
        FunnelStage.OfferShown => this with { OffersShown = OffersShown + count },
        FunnelStage.OptIn => this with { OptIns = OptIns + count },
        _ => this with { Stops = Stops + count },
    };

    public FunnelCounts Plus(FunnelCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Entered = Entered + other.Entered,
            Conversations = Conversations + other.Conversations,
            OffersShown = OffersShown + other.OffersShown,
            OptIns = OptIns + other.OptIns,
            Stops = Stops + other.Stops,
        };
    }
}
