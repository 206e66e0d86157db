namespace ConversationBot.Dialogs.Engine;

/// <summary>The persisted stack of active dialogs of one conversation; the last entry is on top.</summary>
public sealed class DialogStack
{
    public List<DialogInstance> Frames { get; init; } = [];

    public DialogInstance? Top => Frames.Count == 0 ? null : Frames[^1];
}
