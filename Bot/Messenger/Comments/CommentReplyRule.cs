namespace ConversationBot.Bot.Messenger.Comments;

/// <summary>
/// A comment that contains one of <see cref="Keywords"/> (a whole word, any case) on the post
/// <see cref="PostId"/> (or on any post of the Page when empty) gets one private reply in
/// <see cref="Language"/> whose button starts <see cref="Entry"/> (e.g. <c>topic_weekly-deals</c>).
/// </summary>
public sealed class CommentReplyRule
{
    public List<string> Keywords { get; init; } = [];

    public string? Entry { get; init; }

    public string? PostId { get; init; }

    /// <summary>The rule's name in the funnel (<see cref="CommentSource"/>): up to 32 letters, digits and <c>-</c>; without it, the rule's place in the list, which changes when rules are reordered.</summary>
    public string? Name { get; init; }

    /// <summary>en or de; empty: the Page's language (Messenger:Locale), else Bot:FallbackLanguage.</summary>
    public string? Language { get; init; }
}
