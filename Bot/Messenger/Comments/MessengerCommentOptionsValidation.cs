using ConversationBot.Bot.Hosting;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Bot.Messenger.Comments;

/// <summary>Every rule has keywords and an entry the bot answers, and a language it speaks.</summary>
public sealed class MessengerCommentOptionsValidation() : SettingsValidator<MessengerCommentOptions>(MessengerCommentOptions.SectionName)
{
    protected override IEnumerable<string> Problems(MessengerCommentOptions options)
    {
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

            if (rule.Language is { Length: > 0 } language && !SupportedCultures.All.Any(c => c.TwoLetterISOLanguageName == language))
            {
                yield return $"{key}:Language '{language}' is not one the bot speaks ({string.Join(", ", SupportedCultures.All.Select(c => c.TwoLetterISOLanguageName))})";
            }
        }
    }
}
