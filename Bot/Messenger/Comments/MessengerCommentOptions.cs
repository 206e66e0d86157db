namespace ConversationBot.Bot.Messenger.Comments;

/// <summary>
/// Comment to Messenger: the keyword rules under <c>Messenger:CommentReplies</c>. A comment on the
/// Page's posts that matches a rule gets one private reply in Messenger inviting the person to
/// answer; their answer opens the 24-hour window and starts the rule's entry (docs/messenger.md).
/// No rules: comments are not answered.
/// </summary>
public sealed class MessengerCommentOptions
{
    public const string SectionName = "Messenger";

    public List<CommentReplyRule> CommentReplies { get; init; } = [];

    /// <summary>At most this many private replies in any hour, per instance (<see cref="CommentReplyThrottle"/>); Meta lists 750 per Page.</summary>
    public int CommentRepliesPerHour { get; init; } = 750;
}
