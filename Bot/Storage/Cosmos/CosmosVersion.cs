namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// A version of a document this instance has already read (or found absent: both null), so an update can be
/// written on it at once instead of reading it again (<see cref="CosmosDocumentUpdate"/>).
/// </summary>
public readonly record struct CosmosVersion<T>(T? Document, string? ETag)
    where T : class
{
    /// <summary>"Absent, as far as we know": the update tries a create first.</summary>
    public static CosmosVersion<T> Absent => default;
}
