using System.Text;
using ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// Meta's Marketing Messages delivery webhooks read every documented way (Bot/Messenger/MarketingMessages/Outcomes/MarketingMessageWebhook.cs):
/// Meta's own sample bare, the same inside <c>entry[].changes[].value</c>, ids as numbers or strings, timestamps in seconds
/// or milliseconds, a failure without field or tracking id, a click without tracking id; what cannot be matched named.
/// </summary>
public sealed class MarketingMessageWebhookTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Metas_sample_is_a_bare_delivery_of_its_campaign_and_token_at_its_second()
    {
        var contents = Read(MessengerBot.Sample("mm-webhook-deliveries.json"));

        Assert.True(contents.IsBare);
        var report = Assert.Single(contents.Reports);
        Assert.Equal(
            new MarketingMessageReport("120212345678901234", "8183222379117308817", MarketingMessageStatus.Delivered, DateTimeOffset.FromUnixTimeSeconds(1795603600), "5f0c2a9e-3b7d-4e61-9a2f-0c8d1e7b4a10", null),
            report);
    }

    [Fact]
    public void Inside_changes_with_numeric_ids_and_milliseconds_each_change_is_one_report_and_other_changes_are_left()
    {
        var body = """
            {"object":"page","entry":[{"id":"104567890123456","time":1795603600123,"changes":[
              {"field":"marketing_message_reads","value":{"recipient_id":null,"page_id":104567890123456,"timestamp":1795603600123,"marketing_message_tracking_id":"tr-1","messenger_subscription_token":8183222379117308817,"message_id":120212345678901234}},
              {"field":"feed","value":{"item":"comment","verb":"add"}},
              {"field":"marketing_message_clicks","value":{"page_id":"104567890123456","timestamp":"1795603601","mid":"mid.1","messenger_subscription_token":"8183222379117308817","message_id":"120212345678901234"}},
              {"field":"marketing_message_delivery_failed","value":{"app_id":1,"business_id":2,"page_id":3,"messenger_subscription_token":"tok-2","timestamp":1795603602,"error_message":"Not delivered","message_id":"120212345678901234"}}
            ]}]}
            """;

        var contents = Read(body);

        Assert.False(contents.IsBare);
        Assert.Equal(
            [
                new MarketingMessageReport("120212345678901234", "8183222379117308817", MarketingMessageStatus.Read, DateTimeOffset.FromUnixTimeMilliseconds(1795603600123), "tr-1", null),
                new MarketingMessageReport("120212345678901234", "8183222379117308817", MarketingMessageStatus.Clicked, DateTimeOffset.FromUnixTimeSeconds(1795603601), null, null),
                new MarketingMessageReport("120212345678901234", "tok-2", MarketingMessageStatus.Failed, DateTimeOffset.FromUnixTimeSeconds(1795603602), null, "Not delivered"),
            ],
            contents.Reports);
    }

    [Fact]
    public void A_bare_failure_has_no_field_and_an_echo_without_timestamp_takes_the_time_it_arrived()
    {
        var failure = Read("""{"app_id":1,"page_id":3,"messenger_subscription_token":"tok","timestamp":1795603602,"error_message":"dropped","message_id":77}""");
        var echo = Read("""{"field":"marketing_message_echoes","messenger_subscription_token":"tok","message_id":"77","marketing_message_tracking_id":"tr"}""");

        Assert.Equal(MarketingMessageStatus.Failed, Assert.Single(failure.Reports).Status);
        Assert.Equal((MarketingMessageStatus.Sent, Received, "77"), (Assert.Single(echo.Reports).Status, echo.Reports[0].At, echo.Reports[0].MetaCampaignId));
    }

    [Theory]
    [InlineData("""{"field":"marketing_message_deliveries","timestamp":1,"message_id":"77"}""", "$: a marketing_message_deliveries event without messenger_subscription_token cannot be matched to a message.")]
    [InlineData("""{"field":"marketing_message_reads","messenger_subscription_token":"tok","message_id":{"id":1}}""", "$: a marketing_message_reads event without message_id cannot be matched to a message.")]
    public void An_event_that_names_no_message_is_a_problem_that_says_what_is_missing(string body, string problem)
    {
        var contents = Read(body);

        Assert.Empty(contents.Reports);
        Assert.Equal(problem, Assert.Single(contents.Problems));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"1"},"recipient":{"id":"2"},"timestamp":1,"message":{"mid":"m","text":"hi"}}]}]}""")]
    [InlineData("""{"field":"marketing_messages_subscriber_upload_status","messenger_subscription_token":"tok","message_id":"77"}""")]
    [InlineData("[1,2]")]
    public void Anything_else_is_left_to_the_Messenger_reader(string body) =>
        Assert.True(Read(body).IsEmpty);

    private static MarketingMessageWebhook.Contents Read(string body) => MarketingMessageWebhook.Read(Encoding.UTF8.GetBytes(body), Received);
}
