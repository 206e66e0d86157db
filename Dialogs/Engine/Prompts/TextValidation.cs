namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>A text prompt validator's verdict: the cleaned-up value, or what to tell the customer.</summary>
public sealed record TextValidation(bool IsValid, string? Value, string? RetryText)
{
    public static TextValidation Valid(string value) => new(true, value, null);

    public static TextValidation Invalid(string retryText) => new(false, null, retryText);
}
