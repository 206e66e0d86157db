namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>One persistent-menu item: a title and either an entry (<see cref="Payload"/>) or a link (<see cref="Url"/>).</summary>
public sealed class ProfileMenuItem
{
    public string? Title { get; init; }

    public string? Payload { get; init; }

    public Uri? Url { get; init; }
}
