using System.ComponentModel.DataAnnotations;

namespace ConversationBot.Bot.Storage;

/// <summary>
/// Settings both back ends read (<c>Storage:*</c>; <c>Storage:Sqlite:*</c> and <c>Cosmos:*</c> are each back end's own).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> or <c>Cosmos</c>; read before any options exist to choose the stores, declared here so it is a known key.</summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>
    /// Conversation state (Bot Framework conversation and user state) untouched this long is removed:
    /// the customer's next message starts a fresh conversation. Cosmos DB: each state document's
    /// <c>ttl</c>; SQLite: the retention cleanup. At most 24,855 days, the largest time to live Cosmos DB takes.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "24855.00:00:00")]
    public TimeSpan ConversationStateIdleTime { get; init; } = TimeSpan.FromDays(90);
}
