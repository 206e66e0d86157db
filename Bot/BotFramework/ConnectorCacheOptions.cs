using System.ComponentModel.DataAnnotations;

namespace ConversationBot.Bot.BotFramework;

/// <summary>Bounds of the shared connector clients (one per app id, service URL and audience).</summary>
public sealed class ConnectorCacheOptions
{
    public const string SectionName = "Bot:Connectors";

    /// <summary>At most this many clients are kept; the least recently used goes first.</summary>
    [Range(1, 100_000)]
    public int MaxClients { get; init; } = 1_000;

    /// <summary>A client unused this long is dropped (the Emulator gets a new service URL on every start).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
