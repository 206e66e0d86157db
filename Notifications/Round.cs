namespace ConversationBot.Notifications;

/// <summary>One round of a <see cref="ConflictRetry"/>: done with a value (saved, or nothing to save), or lost to a conflict.</summary>
public readonly record struct Round<T>(bool IsDone, T? Value)
{
    public static Round<T> Done(T value) => new(true, value);

    public static Round<T> Conflict { get; } = new(false, default);
}
