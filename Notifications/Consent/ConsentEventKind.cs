namespace ConversationBot.Notifications.Consent;

public enum ConsentEventKind
{
    OptIn,
    Stop,
    Resume,
}
