using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Dialogs.OptIns;

/// <summary>On Messenger the offer is the native notification_messages template, carrying exactly what the platform profile allows.</summary>
public sealed class MessengerOptInTemplateConversationTests
{
    [Fact]
    public async Task Under_the_2022_rules_an_expired_token_is_marked_and_no_longer_listed()
    {
        await using var harness = ConversationHarness.Create(settings: new Dictionary<string, string?> { ["Notifications:Profile"] = "Launch2022" });
        var consent = harness.Service<ConsentService>();
        var now = harness.Time.GetUtcNow();
        await consent.ApplyAsync(ConsentEvent.OptIn("6543210987654321", now, "7fa2c0d9e1b84f3aa5d6c7b8e9f01234", "topic:weekly-deals", "Weekly deals from our shop", "Europe/Zurich", Frequency.Weekly, now.AddDays(1)), CancellationToken.None);
        var reference = TestAdapter.CreateConversation("6543210987654321", "6543210987654321", "104567890123456");
        reference.ChannelId = ChannelIds.Messenger;
        var adapter = harness.Stamped(new TestAdapter(reference));

        harness.Time.Advance(TimeSpan.FromDays(1));
        await harness.Flow(adapter)
            .Send("my notifications")
            .AssertReply("You don't get any notifications from us yet.")
            .StartTestAsync();

        var subscription = await harness.Subscriptions.FindByTokenAsync("7fa2c0d9e1b84f3aa5d6c7b8e9f01234", CancellationToken.None);
        Assert.Equal(SubscriptionStatus.Expired, subscription!.Status);
    }

    [Theory]
    [InlineData("Current", null, null)]
    [InlineData("Launch2022", "DAILY", "ENABLED")]
    public async Task The_offer_template_carries_frequency_and_reoptin_only_under_the_2022_rules(string profile, string? frequency, string? reoptin)
    {
        await using var harness = ConversationHarness.Create(settings: new Dictionary<string, string?> { ["Notifications:Profile"] = profile });
        var reference = TestAdapter.CreateConversation("6543210987654321", "6543210987654321", "104567890123456");
        reference.ChannelId = ChannelIds.Messenger;
        var adapter = harness.Stamped(new TestAdapter(reference) { Locale = "de-DE" });

        await harness.Flow(adapter)
            .Send("Bestellung 10045")
            .AssertReply(reply => reply.AdaptiveCardJson())
            .AssertReply(reply =>
            {
                var payload = (JObject)((JObject)reply.ChannelData)["attachment"]!["payload"]!;
                Assert.Equal("notification_messages", payload["template_type"]!.Value<string>());
                Assert.Equal("topic:order-updates", payload["payload"]!.Value<string>());
                Assert.Equal("Neuigkeiten zu deinen Bestellungen", payload["title"]!.Value<string>());
                Assert.Equal(frequency, payload["notification_messages_frequency"]?.Value<string>());
                Assert.Equal(reoptin, payload["notification_messages_reoptin"]?.Value<string>());
            })
            .StartTestAsync();
    }
}
