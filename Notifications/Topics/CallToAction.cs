namespace ConversationBot.Notifications.Topics;

/// <summary>
/// The button text of Messenger's opt-in template, <c>notification_messages_cta_text</c>
/// (docs/messenger-platform.md §2). <see cref="GetUpdates"/> is the platform's default.
/// Platform spelling: <see cref="CallToActionSpelling"/>.
/// </summary>
public enum CallToAction
{
    GetUpdates,
    Allow,
    Get,
    OptIn,
    SignUp,
}
