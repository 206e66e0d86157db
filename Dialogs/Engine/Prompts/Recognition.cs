namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>How a prompt understood one answer: a value, or not, with what to say about it.</summary>
public sealed record Recognition<T>(bool Succeeded, T? Value, string? RetryText)
{
    public static Recognition<T> Understood(T value) => new(true, value, null);

    public static Recognition<T> NotUnderstood(string? retryText = null) => new(false, default, retryText);
}
