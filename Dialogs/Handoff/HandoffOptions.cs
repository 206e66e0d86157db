namespace ConversationBot.Dialogs.Handoff;

public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>After this long without a release, the bot takes the conversation back by itself.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(24);
}
