using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

public sealed class HandoffDialogTests
{
    [Fact]
    public async Task After_asking_for_a_person_the_bot_stays_silent_until_the_handoff_is_released()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();

        await harness.Flow(adapter)
            .Send("talk to a person")
            .AssertReply(reply => Assert.StartsWith("I've asked a colleague to take over.", reply.TextOf(), StringComparison.Ordinal))
            .AssertNoReplyToTheTurn()
            .Send("hello? anyone?")
            .AssertNoReplyToTheTurn()
            .StartTestAsync();

        var handoff = Assert.Single(await harness.Handoffs.ListAsync(CancellationToken.None));
        Assert.Equal("customer-1", handoff.CustomerId);

        await harness.Handoffs.ReleaseAsync(handoff.ChannelId, handoff.ConversationId, CancellationToken.None);
        await harness.Flow(adapter)
            .Send("hi")
            .AssertReply("How can I help you?")
            .StartTestAsync();
    }

    [Fact]
    public async Task During_a_handoff_a_stop_is_honoured_at_once_and_help_menu_items_and_photos_are_left_to_the_person()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        var photo = Microsoft.Bot.Builder.MessageFactory.Attachment(new Microsoft.Bot.Schema.Attachment("image/png", "https://example.org/parcel.png"));

        await harness.Flow(adapter)
            .Send("talk to a person")
            .AssertReply(reply => Assert.StartsWith("I've asked a colleague to take over.", reply.TextOf(), StringComparison.Ordinal))
            .AssertNoReplyToTheTurn()
            .Send("stop")
            .AssertReply(reply => Assert.Contains("no active notifications", reply.TextOf(), StringComparison.OrdinalIgnoreCase))
            .AssertNoReplyToTheTurn()
            .Send("help")
            .AssertNoReplyToTheTurn()
            .Send("Order status")
            .AssertNoReplyToTheTurn()
            .Send(photo)
            .AssertNoReplyToTheTurn()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "talk to a person", "back to the bot", "I'm back to help.", "How can I help you?")]
    [InlineData("de-DE", "Persönliche Hilfe", "zurück zum Bot", "Ich bin wieder für dich da.", "Wie kann ich dir helfen?")]
    public async Task The_customer_ends_a_handoff_themselves_and_the_bot_is_back_at_the_menu(string locale, string person, string back, string returned, string menu)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);

        await harness.Flow(adapter)
            .Send(person)
            .AssertReply(reply => Assert.Contains(back, reply.TextOf(), StringComparison.OrdinalIgnoreCase))
            .AssertNoReplyToTheTurn()
            .Send(back)
            .AssertReply(returned)
            .AssertReply(menu)
            .StartTestAsync();

        Assert.Empty(await harness.Handoffs.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Back_to_the_bot_without_a_handoff_is_no_interruption()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("back to the bot")
            .AssertReply(reply => Assert.DoesNotContain("I'm back to help", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_customer_who_comes_back_during_a_handoff_is_told_a_person_will_answer_not_welcomed()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        await harness.Flow(adapter)
            .Send("talk to a person")
            .AssertReply(_ => { })
            .StartTestAsync();

        var reopened = new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new Microsoft.Bot.Schema.ChannelAccount("customer-1", "Kim")],
        };
        await harness.Flow(adapter)
            .Send(reopened)
            .AssertReply("A colleague will answer you here soon. To go back to the bot, type \"back to the bot\".")
            .AssertNoReplyToTheTurn()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_handoff_times_out_and_the_bot_says_it_is_back()
    {
        await using var harness = ConversationHarness.Create(settings: new Dictionary<string, string?> { ["Handoff:Timeout"] = "02:00:00" });
        var adapter = harness.NewConversation();

        await harness.Flow(adapter)
            .Send("Talk to a person")
            .AssertReply(reply => Assert.StartsWith("I've asked a colleague", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();

        harness.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        await harness.Flow(adapter).Send("still there?").AssertNoReplyToTheTurn().StartTestAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.Flow(adapter)
            .Send("still there?")
            .AssertReply("I'm back to help.")
            .AssertReply("How can I help you?")
            .StartTestAsync();
        Assert.Empty(await harness.Handoffs.ListAsync(CancellationToken.None));
    }
}
