using ConversationBot.Bot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Conversation;

/// <summary>
/// The conversation keeps the language the customer writes in: a card's click that comes with another
/// locale (the Agents Playground sends en-US) does not switch it; a typed message in another language
/// does; a conversation that starts without a locale gets the configured fallback.
/// </summary>
public sealed class ConversationLanguageTests
{
    [Fact]
    public async Task A_card_click_with_another_locale_is_answered_in_the_conversations_language()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale: "de-DE");

        await harness.Flow(adapter)
            .Send("wo ist meine Bestellung 10045")
            .AssertReply(_ => { })
            .AssertReply(_ => { })
            .AssertReply("Kann ich dir sonst noch helfen?")
            .Send(Click(new { optIn = "allow", topic = "order-updates" }, locale: "en-US"))
            .AssertReply(reply =>
            {
                Assert.StartsWith("Erledigt!", reply.TextOf(), StringComparison.Ordinal);
                Assert.Contains("Bestellstatus", reply.SuggestedTitles());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_typed_message_in_another_language_switches_the_conversation()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation(locale: "de-DE"))
            .Send("hallo")
            .AssertReply(reply => Assert.Contains("Wie kann ich dir helfen?", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();
        await harness.Flow(harness.NewConversation(locale: "en-US"))
            .Send("hello")
            .AssertReply(reply =>
            {
                // The menu waits, so the greeting is greeted back with it: in English now.
                Assert.Equal("Hello!", reply.TextOf());
                Assert.Contains("Order status", reply.SuggestedTitles());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_conversation_that_starts_without_a_locale_gets_the_fallback_language()
    {
        await using var harness = ConversationHarness.Create(settings: new Dictionary<string, string?> { ["Bot:FallbackLanguage"] = "de" });
        var adapter = harness.NewConversation(locale: "de-DE");
        var opened = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("customer-1", "Kim")], Locale = null };

        await harness.Flow(adapter)
            .Send(opened)
            .AssertReply(reply => reply.HasAdaptiveCardContaining("Hallo"))
            .AssertReply("Wie kann ich dir helfen?")
            .StartTestAsync();
    }

    private static Activity Click(object data, string locale) => new(ActivityTypes.Message)
    {
        Locale = locale,
        Value = JObject.FromObject(data),
        ChannelData = new JObject { ["postBack"] = true },
    };
}
