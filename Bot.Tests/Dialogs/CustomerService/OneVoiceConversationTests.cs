using System.Text.RegularExpressions;
using ConversationBot.Bot.Tests.Dialogs.Localization;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

/// <summary>
/// A whole conversation reads in one voice (issue 17): welcome card, order card, opt-in card, the
/// confirmation and "my notifications". In German the bot says "du" throughout, and the stop word
/// the opt-in card quotes is the one the confirmation quotes, in both languages.
/// </summary>
public sealed partial class OneVoiceConversationTests
{
    [Theory]
    [InlineData("en-US", "order 10045", "my notifications", "stop")]
    [InlineData("de-DE", "Bestellung 10045", "Meine Benachrichtigungen", "stopp")]
    public async Task The_order_and_opt_in_journey_quotes_one_stop_word(string locale, string order, string notifications, string stop)
    {
        var texts = await JourneyAsync(locale, order, notifications);

        var quoted = QuotedStopWord().Matches(string.Join("\n", texts)).Select(m => m.Groups["word"].Value).Distinct().ToList();
        Assert.Equal([stop], quoted);
    }

    [Fact]
    public async Task The_german_journey_says_du_from_the_welcome_to_my_notifications()
    {
        var texts = await JourneyAsync("de-DE", "Bestellung 10045", "Meine Benachrichtigungen");

        Assert.DoesNotContain(texts, text => GermanVoiceTests.FormalAddress(text).Count > 0);
        Assert.Contains(texts, text => text.Contains("Wähle unten ein Thema", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("Du kannst jederzeit abbestellen", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("Deine Benachrichtigungen", StringComparison.Ordinal));
    }

    /// <summary>Every text the customer reads on the way: messages, card texts and button titles.</summary>
    private static async Task<List<string>> JourneyAsync(string locale, string order, string notifications)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);
        var replies = new List<IActivity>();
        replies.AddRange(await adapter.SendAsync(harness.Bot, new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new ChannelAccount("bot", "Bot"), new ChannelAccount("customer-1", "Anna")],
        }));
        replies.AddRange(await adapter.SayAsync(harness.Bot, order));
        Assert.Contains(replies, r => r.AsMessageActivity().Attachments?.Count > 0 && r.AdaptiveCardJson().Contains("\"optIn\":\"allow\"", StringComparison.Ordinal));
        replies.AddRange(await adapter.SendAsync(harness.Bot, new Activity(ActivityTypes.Message)
        {
            Value = JObject.FromObject(new { optIn = "allow", topic = "order-updates" }),
            ChannelData = new JObject { ["postBack"] = true },
        }));
        replies.AddRange(await adapter.SayAsync(harness.Bot, notifications));
        return [.. replies.SelectMany(TextsOf)];
    }

    private static IEnumerable<string> TextsOf(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        if (!string.IsNullOrEmpty(message.Text))
        {
            yield return message.Text;
        }

        foreach (var action in message.SuggestedActions?.Actions ?? [])
        {
            yield return action.Title;
        }

        foreach (var attachment in message.Attachments ?? [])
        {
            foreach (var token in JToken.FromObject(attachment.Content).SelectTokens("$..['text','title','value']"))
            {
                if (token.Type == JTokenType.String)
                {
                    yield return (string)token!;
                }
            }
        }
    }

    [GeneratedRegex(@"[„""'‚](?<word>stopp?)[“""'‘]")]
    private static partial Regex QuotedStopWord();
}
