namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// The persisted stack of active dialogs of one conversation; the last entry is on top. Its
/// <see cref="Version"/> says which shape its frames have: a stack stored by a version of the bot
/// whose frames mean something else (prompts that stored their whole options) is dropped, and the
/// customer starts again at the menu, instead of a question being read the wrong way.
/// </summary>
public sealed class DialogStack
{
    /// <summary>2: choice prompts store a choice set's name instead of the choices.</summary>
    public const int CurrentVersion = 2;

    /// <summary>0 for a stack stored before versions were kept.</summary>
    public int Version { get; init; }

    public List<DialogInstance> Frames { get; init; } = [];

    /// <remarks>Not stored: it is the last frame, and storing it would store that frame twice.</remarks>
    [Newtonsoft.Json.JsonIgnore]
    [System.Text.Json.Serialization.JsonIgnore]
    public DialogInstance? Top => Frames.Count == 0 ? null : Frames[^1];

    [Newtonsoft.Json.JsonIgnore]
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsCurrent => Version == CurrentVersion;

    public static DialogStack New() => new() { Version = CurrentVersion };
}
