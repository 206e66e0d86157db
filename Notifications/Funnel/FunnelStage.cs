namespace ConversationBot.Notifications.Funnel;

/// <summary>
/// The steps from a front door to a subscriber, in order (docs/funnel.md): a link, QR code, ad or comment
/// was seen (<see cref="Entered"/>); the person did something in the chat (<see cref="Conversation"/>);
/// an opt-in offer was shown to them (<see cref="OfferShown"/>); they accepted (<see cref="OptIn"/>); and,
/// later, stopped (<see cref="Stop"/>).
/// </summary>
public enum FunnelStage
{
    Entered,
    Conversation,
    OfferShown,
    OptIn,
    Stop,
}
