namespace ConversationBot.Cards;

/// <summary>
/// The data <see cref="MyNotificationsCard"/>'s buttons send back: <c>{"notifications":"stop","topic":"weekly-deals"}</c>.
/// Shared constants so the dialog that acts on it and the card agree on the spelling.
/// </summary>
public static class NotificationsSubmission
{
    public const string Field = "notifications";
    public const string TopicField = "topic";
    public const string Stop = "stop";
    public const string Resume = "resume";
}
