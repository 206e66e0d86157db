using ConversationBot.Notifications.Topics;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// Whether an entry names something the bot answers: the welcome, a menu item, or a configured topic.
/// The one answer to "is this ref ours" for the links and QR codes (Bot/Messenger/Links/EntryLinks.cs)
/// and the funnel (Bot/Funnel/FunnelTurn.cs): a ref is untrusted text, and anything else is neither
/// linked nor counted.
/// </summary>
public sealed class KnownEntries(TopicCatalog topics)
{
    public ConversationEntry? Find(string? text) => ConversationEntry.Parse(text) switch
    {
        { Kind: ConversationEntryKind.Dialog } dialog when MainMenuDialog.IsItem(dialog.Target) => dialog,
        { Kind: ConversationEntryKind.Topic } topic when topics.TryGet(topic.Target, out _) && topic.Target != Topic.UnknownId => topic,
        { Kind: ConversationEntryKind.Welcome } welcome => welcome,
        _ => null,
    };
}
