namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// One frame of the dialog stack as it is persisted in conversation state. Values are strings on
/// purpose: the stack is stored as JSON without type names, so anything richer would come back as
/// a JObject after a restart.
/// </summary>
public sealed class DialogInstance
{
    public required string DialogId { get; init; }

    public int Step { get; set; }

    public Dictionary<string, string> Values { get; init; } = new(StringComparer.Ordinal);
}
