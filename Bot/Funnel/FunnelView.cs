using ConversationBot.Notifications.Funnel;

namespace ConversationBot.Bot.Funnel;

/// <summary>The funnel of the UTC days from <see cref="From"/> to <see cref="To"/>, both included, per entry.</summary>
public sealed record FunnelView(DateOnly From, DateOnly To, IReadOnlyList<FunnelEntryView> Entries)
{
    /// <summary>The days shown when none are asked for: the last 30, today included.</summary>
    public const int DefaultDays = 30;

    public static async Task<FunnelView> ReadAsync(IFunnelStore store, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = await store.ReadAsync(from, to, cancellationToken).ConfigureAwait(false);
        return new FunnelView(from, to, [.. counts.Select(FunnelEntryView.Of)]);
    }
}
