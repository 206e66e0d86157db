using ConversationBot.Bot.Messenger.Comments;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>Comment rules are checked at start-up, each problem naming its setting: names the funnel can tell apart, a limit Meta allows.</summary>
public sealed class MessengerCommentOptionsValidationTests
{
    [Fact]
    public void The_shipped_rules_are_valid_and_named()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryPaths.BotProject, "appsettings.json")).Build();
        var shipped = configuration.GetSection(MessengerCommentOptions.SectionName).Get<MessengerCommentOptions>()!;

        Assert.Equal([], Problems(shipped));
        Assert.Equal(["comment-deals-en", "comment-deals-de"], shipped.CommentReplies.Select(CommentSource.For));
    }

    [Fact]
    public void Two_rules_the_funnel_cannot_tell_apart_a_name_that_is_no_label_and_a_limit_above_Metas_are_named()
    {
        var options = new MessengerCommentOptions
        {
            CommentRepliesPerHour = 751,
            CommentReplies =
            [
                new() { Keywords = ["DEALS"], Entry = "topic_weekly-deals" },
                new() { Name = "1", Keywords = ["SALE"], Entry = "topic_weekly-deals" },
                new() { Name = "deals_en", Keywords = ["ANGEBOT"], Entry = "topic_weekly-deals" },
            ],
        };

        Assert.Equal(
            [
                "Messenger:CommentRepliesPerHour is 751; it must be 1 to 750 (Meta's private replies per hour per Page)",
                "Messenger:CommentReplies:1:Name '1' names another rule too; the funnel counts each rule by its name",
                "Messenger:CommentReplies:2:Name 'deals_en' may have 1 to 32 letters, digits or '-' (it becomes the source label comment-<name> of the reply's entry)",
            ],
            Problems(options));
    }

    private static List<string> Problems(MessengerCommentOptions options) =>
        [.. new MessengerCommentOptionsValidation().Validate(null, options).Failures ?? []];
}
