namespace ConversationBot.Bot.Security;

/// <summary>At most <see cref="PermitLimit"/> in any <see cref="Window"/>, per client address.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; init; }

    public TimeSpan Window { get; init; }
}
