namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// A write carried an ETag that is no longer the stored one: someone else wrote first. An
/// ArgumentException, as MemoryStorage throws, so callers handle both stores alike.
/// </summary>
public sealed class EtagConflictException : ArgumentException
{
    public EtagConflictException(string key, string? presented, string? stored)
        : base($"Etag conflict on '{key}'.\r\n\r\nOriginal: {presented}\r\nCurrent: {stored}")
    {
        Key = key;
    }

    public EtagConflictException()
    {
        Key = string.Empty;
    }

    public EtagConflictException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    public EtagConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    public string Key { get; }
}
