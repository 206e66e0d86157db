using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// The webhook's one opt-in parser over every <c>optin-*.json</c> sample, field by field: both
/// status spellings, the expiry in milliseconds (2022) and in seconds, REFRESHED tokens, an opt-in
/// the bot did not ask for (empty payload), and the event's own time.
/// </summary>
public sealed class MessengerOptInTests
{
    public static TheoryData<string, string> Samples => new()
    {
        { "optin-2022-weekly.json", "OptIn 6543210987654321 1795600000000 token=7fa2c0d9e1b84f3aa5d6c7b8e9f01234 payload=topic:weekly-deals title=Weekly deals from our shop zone=Europe/Zurich frequency=Weekly expires=1819187200000 refreshed=False" },
        { "optin-notification-messages.json", "OptIn 6543210987654321 1795600000000 token=8183222379117308817 payload=topic:weekly-deals title=Weekly deals from our shop zone=Europe/Zurich frequency= expires= refreshed=False" },
        { "optin-refreshed.json", "OptIn 6543210987654321 1812880000000 token=1b2c3d4e5f60718293a4b5c6d7e8f901 payload=topic:weekly-deals title=Weekly deals from our shop zone=Europe/Zurich frequency=Weekly expires=1842774400000 refreshed=True" },
        { "optin-resume.json", "Resume 6543210987654321 1795607200000 token= payload=topic:weekly-deals title=Weekly deals from our shop zone= frequency= expires= refreshed=False" },
        { "optin-stop-underscore.json", "Stop 6543210987654321 1795603600000 token=8183222379117308817 payload=topic:weekly-deals title=Weekly deals from our shop zone= frequency= expires= refreshed=False" },
        { "optin-stop.json", "Stop 6543210987654321 1795603600000 token=8183222379117308817 payload=topic:weekly-deals title=Weekly deals from our shop zone= frequency= expires= refreshed=False" },
        { "optin-unrequested.json", "OptIn 7000000000000001 1795600000000 token=5566778899001122334 payload= title=Updates and promotions zone=Europe/Berlin frequency= expires= refreshed=False" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_opt_in_sample_becomes_the_consent_event_it_describes(string sample, string expected)
    {
        var consent = Assert.Single(MessengerSamples.ConsentEvents(sample));

        Assert.Equal(expected, Describe(consent));
        Assert.Equal(ChannelIds.Messenger, consent.ChannelId);
    }

    [Fact]
    public void Every_opt_in_sample_is_in_the_table()
    {
        Assert.Equal(MessengerSamples.Files("optin-*.json"), Samples.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"type": "notification_messages", "payload": "topic:weekly-deals"}""", "an opt-in without a token")]
    [InlineData("""{"type": "notification_messages", "notification_messages_token": "1", "notification_messages_status": "PAUSE"}""", "an unknown status")]
    [InlineData("""{"type": "one_time_notif_req", "one_time_notif_token": "1"}""", "another kind of opt-in")]
    public void An_opt_in_the_bot_cannot_use_gives_no_consent_event(string optin, string what)
    {
        var body = "{\"sender\": {\"id\": \"6543210987654321\"}, \"recipient\": {\"id\": \"1\"}, \"timestamp\": 1795600000000, \"optin\": " + optin + "}";
        var read = WebhookReader.ReadStored(body);

        Assert.Null(read.Problem);
        Assert.True(MessengerOptIn.From(read.Event!) is null, what);
    }

    private static string Describe(ConsentEvent e) =>
        $"{e.Kind} {e.CustomerId} {e.OccurredAt.ToUnixTimeMilliseconds()} token={e.Token} payload={e.Payload} title={e.Title} zone={e.TimeZoneId} frequency={e.Frequency} expires={e.ExpiresAt?.ToUnixTimeMilliseconds()} refreshed={e.IsRefreshed}";
}
