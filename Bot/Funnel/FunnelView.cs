namespace ConversationBot.Bot.Funnel;

/// <summary>The funnel of the UTC days from <see cref="From"/> to <see cref="To"/>, both included, per entry.</summary>
public sealed record FunnelView(DateOnly From, DateOnly To, IReadOnlyList<FunnelEntryView> Entries);
