namespace ConversationBot.Cards;

/// <param name="CustomerName">As the channel gives it; null or blank greets without a name.</param>
/// <param name="WebsiteUrl">The shop's website, offered as a link when given.</param>
public sealed record WelcomeCardModel(string? CustomerName = null, Uri? WebsiteUrl = null);
