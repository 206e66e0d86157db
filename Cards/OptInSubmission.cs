namespace ConversationBot.Cards;

/// <summary>
/// The data <see cref="OptInOfferCard"/>'s buttons send back: <c>{"optIn":"allow","topic":"weekly-deals"}</c>.
/// Shared constants so the dialog that reads the answer and the card that asks agree on the spelling.
/// </summary>
public static class OptInSubmission
{
    public const string Field = "optIn";
    public const string TopicField = "topic";
    public const string Allow = "allow";
    public const string Decline = "decline";
}
