using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Notifications.Funnel;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Comments;

/// <summary>
/// Answers a comment on the Page's posts that matches a rule (<see cref="CommentReplyRule"/>) with one
/// private reply in Messenger (<c>recipient.comment_id</c>): a short invitation and a quick reply whose
/// payload is the rule's entry with the rule's source label (<see cref="CommentSource"/>), so the
/// person's tap is their first message (it opens the 24-hour window,
/// which a comment does not) and starts the entry. Meta's rules (docs/messenger-platform.md §10): one
/// message per comment, within 7 days of it, never to the Page's own comments. "One" holds across
/// redeliveries and restarts because a comment is an event in the event log (its key is the comment's
/// id) and the reply goes through the event's outbox, recorded before it is sent. Replies are paced by
/// <see cref="CommentReplyThrottle"/> and counted in the funnel (docs/funnel.md).
/// </summary>
public sealed partial class CommentReplier(
    IOptions<MessengerCommentOptions> rules,
    IOptions<MessengerOptions> messenger,
    IOptions<BotOptions> bot,
    MessengerSendClient send,
    CommentReplyThrottle throttle,
    EntryFunnel funnel,
    TimeProvider clock,
    ILogger<CommentReplier> logger)
{
    /// <summary>How long after a comment a private reply may go (Meta).</summary>
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromDays(7);

    /// <summary>Whether the event is a comment this bot may answer at all: new, someone else's, with text.</summary>
    public static bool IsAnswerable(MessagingEvent messagingEvent) => Answerable(messagingEvent) is not null;

    public async Task ReplyAsync(MessagingEvent messagingEvent, MessengerOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        if (Answerable(messagingEvent) is not { } comment)
        {
            return;
        }

        if (comment.CreatedTime is not { } created
            || created is < 0 or > MessagingEventCheck.MaxUnixMilliseconds / 1000
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(created) >= ReplyWindow)
        {
            LogTooOld(logger, comment.CommentId!);
            return;
        }

        var index = Match(comment);
        if (index < 0)
        {
            return;
        }

        var rule = rules.Value.CommentReplies[index];
        var texts = Texts.For(LanguageOf(rule));
        var entry = (ConversationEntry.Parse(rule.Entry)! with { Source = CommentSource.For(rule, index) }).ToString();
        var message = new JsonObject
        {
            ["text"] = texts[nameof(DialogStrings.CommentReply_Text)],
            ["quick_replies"] = new JsonArray(new JsonObject
            {
                ["content_type"] = "text",
                ["title"] = texts[nameof(DialogStrings.CommentReply_Button)],
                ["payload"] = entry,
            }),
        };
        await throttle.WaitAsync(messenger.Value.TurnLease / 2, cancellationToken).ConfigureAwait(false);
        if (await outbox.SendOnceAsync(message, () => send.SendPrivateReplyAsync(comment.CommentId!, message, cancellationToken)).ConfigureAwait(false) is not null)
        {
            // Counted once the reply went out; a redelivered comment finds it sent and counts nothing.
            await funnel.CommentAnsweredAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        LogReplied(logger, comment.CommentId!, entry);
    }

    private static WebhookComment? Answerable(MessagingEvent messagingEvent)
    {
        ArgumentNullException.ThrowIfNull(messagingEvent);
        return WebhookComment.Read(messagingEvent.Comment) is { IsNewComment: true, Message.Length: > 0, FromId.Length: > 0 } comment
            && comment.FromId != messagingEvent.Recipient?.Id
            ? comment
            : null;
    }

    /// <summary>The place of the first rule for this post (or any post) with a keyword standing in the comment as a whole word; -1 for none.</summary>
    private int Match(WebhookComment comment)
    {
        var text = TextNormalizer.Normalize(comment.Message);
        return rules.Value.CommentReplies.FindIndex(rule =>
            (string.IsNullOrEmpty(rule.PostId) || rule.PostId == comment.PostId)
            && rule.Keywords.Any(keyword => TextNormalizer.ContainsPhrase(text, TextNormalizer.Normalize(keyword))));
    }

    private CultureInfo LanguageOf(CommentReplyRule rule) =>
        SupportedCultures.Resolve(rule.Language is { Length: > 0 } language ? language : messenger.Value.Locale, bot.Value.FallbackCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} answered privately with entry {Entry}")]
    private static partial void LogReplied(ILogger logger, string commentId, string entry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} is older than Meta's 7 days for a private reply; not answered")]
    private static partial void LogTooOld(ILogger logger, string commentId);
}
