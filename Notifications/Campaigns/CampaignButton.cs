namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// A button under a campaign message that brings the customer back into the chat: tapping it sends
/// <see cref="Payload"/> to the bot as if typed (a Messenger quick reply or postback, a Bot Framework
/// suggested action), which opens a new 24-hour window.
/// </summary>
public sealed record CampaignButton(string Title, string Payload);
