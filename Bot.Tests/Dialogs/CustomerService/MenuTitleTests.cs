using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

/// <summary>
/// Every suggested action (a quick reply on Messenger) has a title that every client shows whole:
/// at most 20 characters, because Web Chat and the Agents Playground draw them as fixed-width
/// buttons and Messenger cuts quick replies at 20 (issue 17). What a button sends keeps the full
/// meaning, and the bot understands it as well as the title.
/// </summary>
public sealed class MenuTitleTests
{
    public static TheoryData<string, string[], string[]> Menus => new()
    {
        {
            "en-US",
            ["Order status", "Returns & refunds", "Hours & contact", "Current offers", "Talk to a person", "My notifications"],
            ["Order status", "Returns & refunds", "Opening hours & contact", "Current offers", "Talk to a person", "My notifications"]
        },
        {
            "de-DE",
            ["Bestellstatus", "Rückgabe", "Zeiten & Kontakt", "Aktuelle Angebote", "Persönliche Hilfe", "Benachrichtigungen"],
            ["Bestellstatus", "Rückgabe & Erstattung", "Öffnungszeiten & Kontakt", "Aktuelle Angebote", "Mit einer Person sprechen", "Meine Benachrichtigungen"]
        },
    };

    [Theory]
    [MemberData(nameof(Menus))]
    public async Task The_main_menu_has_short_titles_and_sends_the_full_words(string locale, string[] titles, string[] values)
    {
        await using var harness = ConversationHarness.Create();

        var replies = await harness.NewConversation(locale).SayAsync(harness.Bot, "hello");

        var actions = Assert.Single(replies, r => r.AsMessageActivity().SuggestedActions is not null).AsMessageActivity().SuggestedActions.Actions;
        Assert.Equal(titles, actions.Select(a => a.Title));
        Assert.Equal(values, actions.Select(a => (string)a.Value));
        Assert.All(actions, a => Assert.InRange(a.Title.Length, 1, Choice.MaxTitleLength));
        Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
    }

    [Theory]
    [MemberData(nameof(Menus))]
    public async Task What_a_menu_button_sends_starts_the_same_flow_as_its_title(string locale, string[] titles, string[] values)
    {
        for (var i = 0; i < titles.Length; i++)
        {
            var byTitle = await FirstAnswerAsync(locale, titles[i]);
            var byValue = await FirstAnswerAsync(locale, values[i]);

            Assert.Equal(byTitle, byValue);
            Assert.DoesNotContain("understand", byValue, StringComparison.Ordinal);
            Assert.DoesNotContain("verstanden", byValue, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-US", "Hours & contact", "Opening hours & contact")]
    [InlineData("de-DE", "Zeiten & Kontakt", "Öffnungszeiten & Kontakt")]
    [InlineData("de-DE", "Persönliche Hilfe", "Mit einer Person sprechen")]
    public async Task A_menu_button_pressed_mid_question_is_understood_by_title_and_by_value(string locale, string title, string value)
    {
        foreach (var pressed in new[] { title, value })
        {
            await using var harness = ConversationHarness.Create();
            var adapter = harness.NewConversation(locale);
            await adapter.SayAsync(harness.Bot, locale == "de-DE" ? "Bestellstatus" : "order status");

            var replies = await adapter.SayAsync(harness.Bot, pressed);

            Assert.DoesNotContain(replies, r => (r.AsMessageActivity().Text ?? "").Contains("10045", StringComparison.Ordinal));
            Assert.NotEmpty(replies);
        }
    }

    [Theory]
    [InlineData("en-US", new[] { "Monthly newsletter", "Order updates", "Weekly deals", "No, thanks" }, new[] { "Monthly newsletter", "Updates on your orders", "Weekly deals from our shop", "No, thanks" })]
    [InlineData("de-DE", new[] { "Newsletter", "Bestell-Updates", "Wochenangebote", "Nein, danke" }, new[] { "Monatlicher Newsletter", "Neuigkeiten zu deinen Bestellungen", "Wöchentliche Angebote aus unserem Shop", "Nein, danke" })]
    public async Task The_topics_offered_in_my_notifications_have_short_titles_and_send_the_full_title(string locale, string[] titles, string[] values)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);

        var replies = await adapter.SayAsync(harness.Bot, locale == "de-DE" ? "Meine Benachrichtigungen" : "my notifications");

        var actions = Assert.Single(replies, r => r.AsMessageActivity().SuggestedActions is not null).AsMessageActivity().SuggestedActions.Actions;
        Assert.Equal(titles, actions.Select(a => a.Title));
        Assert.Equal(values, actions.Select(a => (string)a.Value));
        Assert.All(actions, a => Assert.InRange(a.Title.Length, 1, Choice.MaxTitleLength));

        // Pressing "Weekly deals" sends the full title; the bot offers that topic's opt-in card.
        var offer = await adapter.SayAsync(harness.Bot, values[2]);
        var card = Assert.Single(offer, r => r.AsMessageActivity().Attachments?.Count > 0).AdaptiveCardJson();
        Assert.Contains("\"topic\":\"weekly-deals\"", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public async Task A_text_that_names_a_menu_button_names_it_as_the_button_says(string locale)
    {
        await using var harness = ConversationHarness.Create();
        var titles = (await harness.NewConversation(locale).SayAsync(harness.Bot, "hello"))
            .Single(r => r.AsMessageActivity().SuggestedActions is not null).SuggestedTitles();
        var texts = ConversationBot.Dialogs.Localization.Texts.For(System.Globalization.CultureInfo.GetCultureInfo(locale));

        foreach (var key in new[] { "Order_NotFoundGiveUp", "Unsupported_Attachment" })
        {
            Assert.Contains(titles, title => texts[key].Contains($"\"{title}\"", StringComparison.Ordinal));
        }
    }

    private static async Task<string> FirstAnswerAsync(string locale, string text)
    {
        await using var harness = ConversationHarness.Create();
        var reply = (await harness.NewConversation(locale).SayAsync(harness.Bot, text))[0].AsMessageActivity();
        return reply.Attachments?.FirstOrDefault() is { } attachment
            ? JToken.FromObject(attachment.Content).ToString(Newtonsoft.Json.Formatting.None)
            : reply.Text ?? "";
    }
}
