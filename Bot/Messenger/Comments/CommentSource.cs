using System.Globalization;

namespace ConversationBot.Bot.Messenger.Comments;

/// <summary>
/// The source label a comment rule's private reply carries in its entry (<c>topic_weekly-deals__src_comment-deals</c>),
/// so the funnel counts each rule on its own (docs/funnel.md): <c>comment-</c> and the rule's
/// <see cref="CommentReplyRule.Name"/>, or its place in the list (1-based) when it has none.
/// </summary>
public static class CommentSource
{
    public const string Prefix = "comment-";

    /// <summary>The label of private replies sent before rules had names; their answers still count as answers to a comment.</summary>
    private const string Unnamed = "comment";

    public static string For(CommentReplyRule rule, int index)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Prefix + (rule.Name is { Length: > 0 } name ? name : (index + 1).ToString(CultureInfo.InvariantCulture));
    }

    public static bool IsComment(string label) =>
        label == Unnamed || label.StartsWith(Prefix, StringComparison.Ordinal);
}
