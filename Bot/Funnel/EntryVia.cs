namespace ConversationBot.Bot.Funnel;

/// <summary>How an entry reached the turn; whether the customer acted decides whether it is also a conversation (docs/funnel.md).</summary>
public enum EntryVia
{
    /// <summary>An m.me link or QR code opened an existing thread: the customer has not written yet.</summary>
    Link,

    /// <summary>A new person tapped Get Started on a link's or QR code's welcome screen.</summary>
    GetStarted,

    /// <summary>The customer's first message after a click-to-Messenger ad.</summary>
    Ad,

    /// <summary>The customer answered a private reply to their comment (the entry was counted when the comment was answered).</summary>
    CommentAnswer,
}
