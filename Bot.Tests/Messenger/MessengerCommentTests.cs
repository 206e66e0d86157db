using System.Net;
using System.Text.Json;
using ConversationBot.Bot.Tests.Messenger.Support;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// Comment to Messenger: a comment on the Page's posts with a keyword of a rule (Messenger:CommentReplies)
/// gets one private reply (<c>recipient.comment_id</c>) with a quick reply whose payload is the rule's
/// entry; at most one per comment, also when the webhook is delivered twice; never to the Page's own
/// comments or to comments older than 7 days; the person's tap opens the window and the topic's offer follows.
/// </summary>
public sealed class MessengerCommentTests
{
    [Fact]
    public async Task A_comment_with_a_keyword_delivered_twice_gets_one_private_reply_that_invites_to_the_topic()
    {
        await using var bot = await MessengerBot.StartAsync();
        var comment = Comment("Are there any DEALS this week?");

        using (var first = await bot.PostSignedAsync(comment))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var again = await bot.PostSignedAsync(comment))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var reply = Assert.Single(bot.Graph.Requests);
        Assert.Equal("1122334455667788_9988776655443322", reply.Body["recipient"]!["comment_id"]!.GetValue<string>());
        Assert.Null(reply.Body["messaging_type"]);
        Assert.StartsWith("Thanks for your comment!", reply.Body["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("topic_weekly-deals__src_comment-deals-en", reply.Body["message"]!["quick_replies"]![0]!["payload"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_German_keyword_gets_the_German_reply()
    {
        await using var bot = await MessengerBot.StartAsync();

        await bot.PostSignedAsync(Comment("Gibt es neue Angebote?"));

        Assert.Equal("Ja, gern", Assert.Single(bot.Graph.Requests).Body["message"]!["quick_replies"]![0]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("the Page's own comment")]
    [InlineData("older than 7 days")]
    [InlineData("no keyword")]
    [InlineData("an edit")]
    public async Task These_comments_get_no_reply(string which)
    {
        await using var bot = await MessengerBot.StartAsync();
        var body = which switch
        {
            "the Page's own comment" => Comment("DEALS", from: MessengerBot.PageId),
            "older than 7 days" => Comment("DEALS", createdTime: bot.Clock.GetUtcNow().AddDays(-7).AddMinutes(-1).ToUnixTimeSeconds()),
            "no keyword" => Comment("Meine Bestellung 10045 ist immer noch nicht da :("),
            _ => Comment("DEALS").Replace("\"verb\": \"add\"", "\"verb\": \"edited\"", StringComparison.Ordinal),
        };

        using var response = await bot.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Graph.Requests);
    }

    [Fact]
    public async Task The_persons_tap_on_the_reply_opens_the_window_and_gets_the_topics_offer()
    {
        await using var bot = await MessengerBot.StartAsync();
        await bot.PostSignedAsync(Comment("DEALS please"));

        var tap = MessengerBot.Sample("message-quick-reply.json")
            .Replace("\"Order status\"", "\"Yes, please\"", StringComparison.Ordinal)
            .Replace("MENU_ORDER_STATUS", "topic_weekly-deals__src_comment", StringComparison.Ordinal);
        using var response = await bot.PostSignedAsync(tap);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var template = Assert.Single(bot.Graph.Messages, m => m["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "notification_messages");
        Assert.Equal("topic:weekly-deals", template["attachment"]!["payload"]!["payload"]!.GetValue<string>());
    }

    /// <summary>The feed-comment sample with another text, author or time.</summary>
    private static string Comment(string message, string? from = null, long? createdTime = null)
    {
        var body = MessengerBot.Sample("feed-comment.json")
            .Replace("\"Meine Bestellung 10045 ist immer noch nicht da :(\"", JsonSerializer.Serialize(message), StringComparison.Ordinal);
        if (from is not null)
        {
            body = body.Replace("\"7788990011223344\"", JsonSerializer.Serialize(from), StringComparison.Ordinal);
        }

        return createdTime is { } seconds ? body.Replace("1795599990", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : body;
    }
}
