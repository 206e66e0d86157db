namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>What a prompt hands to the step after it: the answer, or that the customer gave up after the last re-prompt.</summary>
public sealed record PromptResult<T>(bool Succeeded, T? Value)
{
    public static PromptResult<T> GaveUp { get; } = new(false, default);

    public static PromptResult<T> Success(T value) => new(true, value);
}
