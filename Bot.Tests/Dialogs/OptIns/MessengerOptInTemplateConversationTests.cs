using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Dialogs.OptIns;

/// <summary>On Messenger the offer is the native notification_messages template, carrying exactly what the platform profile allows.</summary>
public sealed class MessengerOptInTemplateConversationTests
{
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
