using ConversationBot.Bot.Telemetry;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.OptIns;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Telemetry;

/// <summary>Turns, opt-in offers and deliveries are counted with the tags operators filter on, and nothing personal.</summary>
public sealed class BotTelemetryTests
{
    [Fact]
    public async Task One_turn_is_counted_once_with_its_channel_and_duration()
    {
        await using var harness = ConversationHarness.Create();
        using var recorded = new RecordedMeasurements(harness.Service<BotTelemetry>().Meter);

        await harness.Flow(harness.NewConversation()).Send("hi").AssertReply(_ => { }).StartTestAsync();

        var turn = Assert.Single(recorded.Of("conversationbot.turns"));
        Assert.Equal((1d, "test", "message", null), (turn.Value, turn.Tag(TelemetryTags.Channel), turn.Tag(TelemetryTags.ActivityType), turn.Tag(TelemetryTags.ErrorType)));
        var duration = Assert.Single(recorded.Of("conversationbot.turn.duration"));
        Assert.Equal("test", duration.Tag(TelemetryTags.Channel));
    }

    [Fact]
    public async Task An_offer_a_decline_and_the_offer_held_back_afterwards_are_counted_with_outcome_and_reason()
    {
        await using var harness = ConversationHarness.Create();
        using var recorded = new RecordedMeasurements(harness.Service<BotTelemetry>().Meter);
        var adapter = harness.NewConversation();

        await harness.Flow(adapter)
            .Send("where is my order 10045")
            .AssertReply(_ => { }).AssertReply(_ => { }).AssertReply(_ => { })
            .Send(Submit(new { optIn = "decline", topic = "order-updates" }))
            .AssertReply(_ => { })
            .Send("1")
            .AssertReply(_ => { })
            .Send("10046")
            .AssertReply(_ => { }).AssertReply(_ => { })
            .StartTestAsync();

        var offers = recorded.Of("conversationbot.optin.offers")
            .Select(m => (m.Tag(TelemetryTags.Outcome), m.Tag(TelemetryTags.Reason), m.Tag(TelemetryTags.Channel), m.Tag(TelemetryTags.Topic)))
            .ToList();
        Assert.Equal(
            [
                ("offered", null, "test", "order-updates"),
                ("declined", null, "test", "order-updates"),
                ("not_offered", "same_title_requested_recently", "test", "order-updates"),
            ],
            offers);
    }

    [Fact]
    public async Task Allow_on_the_card_is_counted_as_accepted()
    {
        await using var harness = ConversationHarness.Create();
        using var recorded = new RecordedMeasurements(harness.Service<BotTelemetry>().Meter);

        await harness.Flow(harness.NewConversation())
            .Send("hi")
            .AssertReply(_ => { })
            .Send(Submit(new { optIn = "allow", topic = "weekly-deals" }))
            .AssertReply(_ => { })
            .StartTestAsync();

        var accepted = Assert.Single(recorded.Of("conversationbot.optin.offers"));
        Assert.Equal(("accepted", "weekly-deals"), (accepted.Tag(TelemetryTags.Outcome), accepted.Tag(TelemetryTags.Topic)));
    }

    [Fact]
    public async Task A_messenger_opt_in_is_counted_as_accepted_on_messenger()
    {
        await using var bot = await ConversationBot.Bot.Tests.Messenger.Support.MessengerBot.StartAsync();
        using var recorded = new RecordedMeasurements(bot.Host.Services.GetRequiredService<BotTelemetry>().Meter);

        using var response = await bot.PostSampleAsync("optin-notification-messages.json");

        response.EnsureSuccessStatusCode();
        var accepted = Assert.Single(recorded.Of("conversationbot.optin.offers"));
        Assert.Equal(("accepted", "messenger", "weekly-deals"), (accepted.Tag(TelemetryTags.Outcome), accepted.Tag(TelemetryTags.Channel), accepted.Tag(TelemetryTags.Topic)));
    }

    [Fact]
    public async Task A_request_to_continue_near_expiry_is_counted_apart_from_a_first_offer()
    {
        await using var harness = ConversationHarness.Create();
        var telemetry = harness.Service<BotTelemetry>();
        using var recorded = new RecordedMeasurements(telemetry.Meter);
        var optIns = (ConversationBot.Dialogs.OptIns.IOptInTelemetry)telemetry;

        optIns.OfferDecided("messenger", "weekly-deals", OptInDecision.Allow());
        optIns.OfferDecided("messenger", "weekly-deals", OptInDecision.Allow(OptInOfferKind.ReOptIn));

        Assert.Equal(
            [("offered", null), ("offered", "re_opt_in")],
            recorded.Of("conversationbot.optin.offers").Select(m => (m.Tag(TelemetryTags.Outcome), m.Tag(TelemetryTags.Reason))));
    }

    [Fact]
    public async Task Tags_carry_no_customer_or_conversation_ids()
    {
        await using var harness = ConversationHarness.Create();
        using var recorded = new RecordedMeasurements(harness.Service<BotTelemetry>().Meter);

        await harness.Flow(harness.NewConversation(conversationId: "conversation-77", userId: "customer-77"))
            .Send("where is my order 10045")
            .AssertReply(_ => { }).AssertReply(_ => { }).AssertReply(_ => { })
            .StartTestAsync();

        var values = recorded.Of("conversationbot.turns").Concat(recorded.Of("conversationbot.optin.offers")).SelectMany(m => m.Tags.Values).ToList();
        Assert.NotEmpty(values);
        Assert.DoesNotContain(values, v => v is not null && (v.Contains("77", StringComparison.Ordinal) || v.Contains("10045", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_delivery_is_counted_with_its_outcome_reason_and_channel()
    {
        using var services = new ServiceCollection().AddBotTelemetry().BuildServiceProvider();
        var telemetry = services.GetRequiredService<BotTelemetry>();
        using var recorded = new RecordedMeasurements(telemetry.Meter);

        telemetry.RecordDelivery(TelemetryTags.DeliverySent, null, "messenger");
        telemetry.RecordDelivery(TelemetryTags.DeliverySkipped, "too_soon", "messenger");

        Assert.Equal(
            [("sent", null, "messenger"), ("skipped", "too_soon", "messenger")],
            recorded.Of("conversationbot.deliveries").Select(m => (m.Tag(TelemetryTags.Outcome), m.Tag(TelemetryTags.Reason), m.Tag(TelemetryTags.Channel))));
    }

    [Fact]
    public void A_delivery_carries_the_instance_that_recorded_it_so_a_fleets_members_can_be_told_apart()
    {
        using var services = new ServiceCollection().AddBotTelemetry().BuildServiceProvider();
        var telemetry = services.GetRequiredService<BotTelemetry>();
        using var recorded = new RecordedMeasurements(telemetry.Meter);

        telemetry.RecordDelivery(TelemetryTags.DeliverySent, null, "messenger", "host-a-1234-0a1b2c3d");
        telemetry.RecordDelivery(TelemetryTags.DeliverySent, null, "messenger", "host-b-5678-4e5f6a7b");

        Assert.Equal(
            ["host-a-1234-0a1b2c3d", "host-b-5678-4e5f6a7b"],
            recorded.Of("conversationbot.deliveries").Select(m => m.Tag(TelemetryTags.Instance)));
    }

    [Theory]
    [InlineData(OptInDenialReason.WindowClosed, "window_closed")]
    [InlineData(OptInDenialReason.PageBarredFromOptIns, "page_barred_from_opt_ins")]
    public void Domain_reasons_become_snake_case_tag_values(OptInDenialReason reason, string tag) => Assert.Equal(tag, TelemetryTags.ReasonOf(reason));

    private static Activity Submit(object data) => new(ActivityTypes.Message)
    {
        Locale = "en-US",
        Value = JObject.FromObject(data),
        ChannelData = new JObject { ["postBack"] = true },
    };
}
