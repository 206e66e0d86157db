using ConversationBot.Bot.Hosting;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Bot.Messenger.Comments;

/// <summary>Every rule has keywords and an entry the bot answers, and a language it speaks.</summary>
public sealed partial class MessengerCommentOptionsValidation() : SettingsValidator<MessengerCommentOptions>(MessengerCommentOptions.SectionName)
{
    protected override IEnumerable<string> Problems(MessengerCommentOptions options)
    {
        if (options.CommentRepliesPerHour is < 1 or > 750)
        {
            yield return $"{Section}:CommentRepliesPerHour is {options.CommentRepliesPerHour}; it must be 1 to 750 (Meta's private replies per hour per Page)";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.CommentReplies.Count; i++)
        {
            var rule = options.CommentReplies[i];
            var key = $"{Section}:CommentReplies:{i}";
            if (rule.Keywords.Count == 0 || rule.Keywords.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"{key}:Keywords needs at least one keyword, none empty";
            }

            if (ConversationEntry.Parse(rule.Entry) is not { Kind: not ConversationEntryKind.Welcome })
            {
                yield return $"{key}:Entry '{rule.Entry}' is not a dialog or topic entry (dialog_<item>, topic_<topic>)";
            }

            if (rule.Name is { } name && !RuleName().IsMatch(name))
            {
                yield return $"{key}:Name '{name}' may have 1 to 32 letters, digits or '-' (it becomes the source label comment-<name> of the reply's entry)";
            }

            if (!names.Add(CommentSource.For(rule, i)))
            {
                yield return $"{key}:Name '{rule.Name}' names another rule too; the funnel counts each rule by its name";
            }

            if (rule.Language is { Length: > 0 } language && !SupportedCultures.All.Any(c => c.TwoLetterISOLanguageName == language))
            {
                yield return $"{key}:Language '{language}' is not one the bot speaks ({string.Join(", ", SupportedCultures.All.Select(c => c.TwoLetterISOLanguageName))})";
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Za-z0-9-]{1,32}\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RuleName();
}
