using ConversationBot.Notifications.Topics;

namespace ConversationBot.Cards;

/// <summary>One topic offered for subscription, with the texts already in the customer's language.</summary>
/// <param name="TopicId">Sent back with the answer (<see cref="OptInSubmission.TopicField"/>).</param>
/// <param name="ImageUrl">Shown above the title when given; an absolute http(s) URL.</param>
/// <param name="Frequency">The topic's promise, stated on the card so the customer knows how often before agreeing.</param>
public sealed record OptInOfferCardModel(string TopicId, string Title, string Description, Uri? ImageUrl, Frequency Frequency);
