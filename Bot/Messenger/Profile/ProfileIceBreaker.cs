namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>One question on the welcome screen and the entry its tap sends.</summary>
public sealed class ProfileIceBreaker
{
    public string? Question { get; init; }

    public string? Payload { get; init; }
}
