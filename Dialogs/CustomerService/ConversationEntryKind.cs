namespace ConversationBot.Dialogs.CustomerService;

/// <summary>What an entry asks for: the welcome and menu, one of the menu's flows, or a topic's opt-in offer.</summary>
public enum ConversationEntryKind
{
    Welcome,
    Dialog,
    Topic,
}
