using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Dialogs.OptIns;

/// <summary>Opt-in offers at natural moments, answered on the card, and honoured stops, on Bot Framework channels.</summary>
public sealed class OptInConversationTests
{
    [Fact]
    public async Task After_an_order_answer_the_bot_offers_order_updates_once_and_Allow_subscribes()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();

        await harness.Flow(adapter)
            .Send("where is my order 10045")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("10045"))
            .AssertReply(reply => reply.HasAdaptiveCardContaining("Updates on your orders", "\"optIn\":\"allow\"", "\"optIn\":\"decline\"", "\"topic\":\"order-updates\""))
            .AssertReply("Is there anything else I can help you with?")
            .Send(Submit(new { optIn = "allow", topic = "order-updates" }))
            .AssertReply(reply =>
            {
                // One message: the answer carries the menu's buttons; the question is not asked twice in a row.
                Assert.StartsWith("Done! You'll get \"Updates on your orders\"", reply.TextOf(), StringComparison.Ordinal);
                Assert.Contains("Order status", reply.SuggestedTitles());
                Assert.Contains("My notifications", reply.SuggestedTitles());
            })
            .AssertNoReplyToTheTurn()
            .Send("1")
            .AssertReply(_ => { })
            .Send("10046")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("10046"))
            .AssertReply("Is there anything else I can help you with?")
            .StartTestAsync();

        var subscription = Assert.Single(await harness.Subscriptions.ListByCustomerAsync("test", "customer-1", CancellationToken.None));
        Assert.Equal(("order-updates", SubscriptionStatus.Active), (subscription.TopicId, subscription.Status));
        Assert.Null(subscription.Token);
        Assert.Contains("conversation-1", subscription.ConversationReference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_now_is_respected_and_the_offer_is_not_repeated()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation("de-DE");

        await harness.Flow(adapter)
            .Send("Angebote")
            .AssertReply(reply => Assert.Equal(2, reply.HeroCards().Count))
            .AssertReply(reply => reply.HasAdaptiveCardContaining("Wöchentliche Angebote aus unserem Shop"))
            .AssertReply("Kann ich dir sonst noch helfen?")
            .Send(Submit(new { optIn = "decline", topic = "weekly-deals" }, "de-DE"))
            .AssertReply(reply =>
            {
                Assert.Equal("Kein Problem, ich frage dich danach eine Weile nicht mehr.", reply.TextOf());
                Assert.Contains("Bestellstatus", reply.SuggestedTitles());
            })
            .AssertNoReplyToTheTurn()
            .StartTestAsync();

        harness.Time.Advance(TimeSpan.FromDays(3));
        await harness.Flow(adapter)
            .Send("Angebote")
            .AssertReply(reply => Assert.Equal(2, reply.HeroCards().Count))
            .AssertReply("Kann ich dir sonst noch helfen?")
            .StartTestAsync();
        Assert.Empty(await harness.Subscriptions.ListByCustomerAsync("test", "customer-1", CancellationToken.None));
    }

    [Fact]
    public async Task Accepting_an_opt_in_does_not_open_the_messaging_window()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        await harness.Flow(adapter).Send("order 10045").AssertReply(_ => { }).AssertReply(_ => { }).AssertReply(_ => { }).StartTestAsync();
        var opened = harness.Time.GetUtcNow();

        harness.Time.Advance(TimeSpan.FromHours(23));
        await harness.Flow(adapter).Send(Submit(new { optIn = "allow", topic = "order-updates" })).AssertReply(_ => { }).StartTestAsync();

        var window = await harness.Windows.GetAsync("test", "customer-1", CancellationToken.None);
        Assert.Equal(opened, window.LastCustomerMessageAt);
        Assert.False(window.IsOpenAt(harness.Time.GetUtcNow().AddHours(1)));
    }

    [Fact]
    public async Task My_notifications_lists_stops_and_resumes_a_subscription()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        await SubscribeAsync(harness, adapter, "weekly-deals");

        await harness.Flow(adapter)
            .Send("my notifications")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("Weekly deals from our shop", "\"notifications\":\"stop\""))
            .AssertReply(reply => Assert.Equal("Would you like updates on another topic?", reply.TextOf()))
            .Send(Submit(new { notifications = "stop", topic = "weekly-deals" }))
            .AssertReply("Done: you won't get \"Weekly deals from our shop\" any more.")
            .AssertReply("Would you like updates on another topic?")
            .StartTestAsync();
        Assert.Equal(SubscriptionStatus.Stopped, (await SingleAsync(harness)).Status);

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.Flow(adapter)
            .Send(Submit(new { notifications = "resume", topic = "weekly-deals" }))
            .AssertReply("Welcome back: you'll get \"Weekly deals from our shop\" again.")
            .StartTestAsync();
        Assert.Equal(SubscriptionStatus.Active, (await SingleAsync(harness)).Status);
    }

    [Theory]
    [InlineData("en-US", "stop", "Done: you won't get any more notifications from us.")]
    [InlineData("de-DE", "stopp alle", "Erledigt: Du bekommst keine Benachrichtigungen mehr von uns.")]
    [InlineData("en-US", "stop weekly deals", "Done: you won't get \"Weekly deals from our shop\" any more.")]
    [InlineData("de-DE", "abmelden Wöchentliche Angebote aus unserem Shop", "Erledigt: Du bekommst \"Wöchentliche Angebote aus unserem Shop\" nicht mehr.")]
    public async Task A_typed_stop_is_honoured_at_once(string locale, string stop, string confirmation)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);
        await SubscribeAsync(harness, adapter, "weekly-deals", locale);

        await harness.Flow(adapter).Send(stop).AssertReply(confirmation).StartTestAsync();

        Assert.Equal(SubscriptionStatus.Stopped, (await SingleAsync(harness)).Status);
    }

    [Fact]
    public async Task A_stop_is_honoured_even_while_a_person_has_the_conversation()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        await SubscribeAsync(harness, adapter, "weekly-deals");
        await harness.Flow(adapter).Send("talk to a person").AssertReply(_ => { }).StartTestAsync();

        await harness.Flow(adapter)
            .Send("stop")
            .AssertReply("Done: you won't get any more notifications from us.")
            .AssertNoReplyToTheTurn()
            .Send("anyone?")
            .AssertNoReplyToTheTurn()
            .StartTestAsync();

        Assert.Equal(SubscriptionStatus.Stopped, (await SingleAsync(harness)).Status);
    }

    [Theory]
    [InlineData("en-US", "You already get \"Weekly deals from our shop\". Type \"stop\" any time to end it.")]
    [InlineData("de-DE", "Du bekommst \"Wöchentliche Angebote aus unserem Shop\" schon. Schreib jederzeit \"stopp\", um es zu beenden.")]
    public async Task A_second_Allow_on_the_same_card_says_the_customer_is_already_subscribed(string locale, string already)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);
        await SubscribeAsync(harness, adapter, "weekly-deals", locale);
        var subscribed = await SingleAsync(harness);

        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await harness.Flow(adapter)
            .Send(Submit(new { optIn = "allow", topic = "weekly-deals" }, locale))
            .AssertReply(reply => Assert.Equal(already, reply.TextOf()))
            .AssertNoReplyToTheTurn()
            .StartTestAsync();

        // Nothing was written again: the same subscription, the same consent.
        var after = await SingleAsync(harness);
        Assert.Equal((SubscriptionStatus.Active, subscribed.Version), (after.Status, after.Version));
    }

    [Theory]
    [InlineData("en-US", "You already get \"Weekly deals from our shop\", and I have left it that way. Type \"stop\" if you would rather not get it.")]
    [InlineData("de-DE", "Du bekommst \"Wöchentliche Angebote aus unserem Shop\" schon, und daran habe ich nichts geändert. Schreib \"stopp\", wenn du es nicht mehr möchtest.")]
    public async Task Not_now_after_Allow_does_not_pretend_and_the_subscription_stays(string locale, string stays)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);
        await SubscribeAsync(harness, adapter, "weekly-deals", locale);

        await harness.Flow(adapter)
            .Send(Submit(new { optIn = "decline", topic = "weekly-deals" }, locale))
            .AssertReply(reply => Assert.Equal(stays, reply.TextOf()))
            .AssertNoReplyToTheTurn()
            .StartTestAsync();

        Assert.Equal(SubscriptionStatus.Active, (await SingleAsync(harness)).Status);
    }

    [Fact]
    public async Task Allow_after_Not_now_subscribes_the_customer_who_changed_their_mind()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        await harness.Flow(adapter).Send("hi").AssertReply(_ => { }).StartTestAsync();

        await harness.Flow(adapter)
            .Send(Submit(new { optIn = "decline", topic = "weekly-deals" }))
            .AssertReply("No problem, I won't ask about that again for a while.")
            .Send(Submit(new { optIn = "allow", topic = "weekly-deals" }))
            .AssertReply(reply => Assert.StartsWith("Done! You'll get \"Weekly deals from our shop\"", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(SubscriptionStatus.Active, (await SingleAsync(harness)).Status);
    }

    [Fact]
    public async Task A_typed_stop_while_the_bot_waits_for_an_order_number_asks_for_it_again()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        await SubscribeAsync(harness, adapter, "weekly-deals");

        // A text question has no buttons to carry it: after the answer it is asked again.
        await harness.Flow(adapter)
            .Send("order status")
            .AssertReply(reply => Assert.Contains("order number", reply.TextOf(), StringComparison.OrdinalIgnoreCase))
            .Send("stop")
            .AssertReply("Done: you won't get any more notifications from us.")
            .AssertReply(reply => Assert.Contains("order number", reply.TextOf(), StringComparison.OrdinalIgnoreCase))
            .StartTestAsync();
    }

    [Fact]
    public async Task Stop_with_nothing_to_stop_says_so()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation()).Send("stop").AssertReply("You have no active notifications to stop.").StartTestAsync();
    }

    private static Activity Submit(object data, string locale = "en-US") => new(ActivityTypes.Message)
    {
        Locale = locale,
        Value = JObject.FromObject(data),
        ChannelData = new JObject { ["postBack"] = true },
    };

    private static async Task SubscribeAsync(ConversationHarness harness, TestAdapter adapter, string topic, string locale = "en-US")
    {
        await harness.Flow(adapter).Send("hi").AssertReply(_ => { }).StartTestAsync();
        await harness.Flow(adapter).Send(Submit(new { optIn = "allow", topic }, locale)).AssertReply(_ => { }).AssertNoReplyToTheTurn().StartTestAsync();
    }

    private static async Task<Subscription> SingleAsync(ConversationHarness harness) =>
        Assert.Single(await harness.Subscriptions.ListByCustomerAsync("test", "customer-1", CancellationToken.None));
}
