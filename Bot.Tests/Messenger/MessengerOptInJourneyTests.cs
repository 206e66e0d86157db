using System.Net;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using System.Text.Json.Nodes;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// The opt-in journey on Messenger, over the signed webhook and the fake Graph API: the customer
/// chats, the bot sends the notification_messages template, Messenger's opt-in brings the token,
/// and stop and resume events flip the subscription in the order they happened.
/// </summary>
public sealed class MessengerOptInJourneyTests
{
    [Fact]
    public async Task Chat_template_optin_stop_and_resume_go_through_the_webhook_and_the_Send_API()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");

        using (var chat = await bot.PostSampleAsync("message-text.json"))
        {
            Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        }

        var template = Assert.Single(bot.Graph.Messages, m => m["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "notification_messages");
        var payload = template["attachment"]!["payload"]!.AsObject();
        Assert.Equal("topic:order-updates", payload["payload"]!.GetValue<string>());
        Assert.Equal("Neuigkeiten zu deinen Bestellungen", payload["title"]!.GetValue<string>());
        Assert.False(payload.ContainsKey("notification_messages_frequency"), "the Current profile sends no frequency");

        using (var optin = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            Assert.Equal(HttpStatusCode.OK, optin.StatusCode);
        }

        var store = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        var subscription = await store.FindByTokenAsync("8183222379117308817", CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal(("weekly-deals", SubscriptionStatus.Active, "Europe/Zurich", ChannelIds.Messenger), (subscription.TopicId, subscription.Status, subscription.TimeZoneId, subscription.ChannelId));

        using (var stop = await bot.PostSampleAsync("optin-stop.json"))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }

        Assert.Equal(SubscriptionStatus.Stopped, (await store.FindByTokenAsync("8183222379117308817", CancellationToken.None))!.Status);

        using (var resume = await bot.PostSampleAsync("optin-resume.json"))
        {
            Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        }

        Assert.Equal(SubscriptionStatus.Active, (await store.FindByTokenAsync("8183222379117308817", CancellationToken.None))!.Status);
        Assert.DoesNotContain(bot.Graph.Requests, r => r.Body.ToJsonString().Contains("8183222379117308817", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_token_from_the_opt_in_is_what_a_campaign_is_sent_to()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH", settings: AdminClient.Settings());
        var clock = bot.Clock;
        using (var chat = await bot.PostSampleAsync("message-text.json"))
        {
            chat.EnsureSuccessStatusCode();
        }

        Assert.Contains(bot.Graph.Messages, m => m["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "notification_messages");
        using (var optin = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            optin.EnsureSuccessStatusCode();
        }

        var admin = new AdminClient(bot.Host);
        var campaign = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Diese Woche: Regenjacken -20 %" }));

        var push = Assert.Single(bot.Graph.Requests, r => r.Body["recipient"]?["notification_messages_token"] is not null);
        Assert.Equal("8183222379117308817", push.Body["recipient"]!["notification_messages_token"]!.GetValue<string>());
        Assert.Equal("Diese Woche: Regenjacken -20 %", push.Body["message"]!["text"]!.GetValue<string>());
        Assert.Equal(1, AdminClient.Progress(campaign, "sent"));
    }

    [Fact]
    public async Task A_page_restriction_learned_from_a_campaign_send_stops_opt_in_requests_in_chat()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH", settings: AdminClient.Settings());
        using (var optin = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            optin.EnsureSuccessStatusCode();
        }

        bot.Graph.AnswerNext(400, MessengerBot.Sample("send-error-page-restricted.json"));
        await new AdminClient(bot.Host).CreateCampaignAsync(new { topic = "weekly-deals", text = "Diese Woche: Regenjacken -20 %" });
        var pages = bot.Host.Services.GetRequiredService<IPageStatusStore>();
        await CampaignChecks.WaitUntilAsync(() => pages.GetAsync(MessengerBot.PageId, CancellationToken.None).GetAwaiter().GetResult().AreSendsPausedAt(bot.Clock.GetUtcNow()));

        using (var chat = await bot.PostSampleAsync("message-text.json"))
        {
            Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        }

        Assert.Contains(bot.Graph.Messages, m => m.ToJsonString().Contains("10045", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Graph.Messages, IsOptInTemplate);
    }

    [Fact]
    public async Task An_opt_in_the_bot_never_asked_for_is_kept_under_its_title()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSampleAsync("optin-unrequested.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subscription = await bot.Host.Services.GetRequiredService<ISubscriptionStore>().FindByTokenAsync("5566778899001122334", CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal(("unknown", SubscriptionOrigin.Unrequested), (subscription.TopicId, subscription.Origin));
        Assert.Empty(bot.Graph.Requests);
    }

    [Theory]
    [InlineData("send-error-optin-barred.json")]
    [InlineData("send-error-optin-duplicate.json")]
    [InlineData("send-error-optin-too-many.json")]
    public async Task A_refused_opt_in_request_is_recorded_and_not_repeated_while_the_customer_chats_on(string error)
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");
        bot.Graph.AnswerWhen(IsOptInTemplate, 400, MessengerBot.Sample(error));

        using (var first = await bot.PostSampleAsync("message-text.json"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        Assert.Equal("Kann ich dir sonst noch helfen?", bot.Graph.Messages[^1]["text"]!.GetValue<string>());
        Assert.DoesNotContain(bot.Graph.Messages, m => m["text"]?.GetValue<string>()?.StartsWith("Entschuldigung, bei mir", StringComparison.Ordinal) == true);
        var afterFirst = bot.Graph.Requests.Count;

        using (var again = await bot.PostSignedAsync(MessengerBot.Sample("message-text.json").Replace("m_AbC123text", "m_second", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.DoesNotContain(bot.Graph.Requests.Skip(afterFirst), r => IsOptInTemplate(r.Body));
        if (error == "send-error-optin-barred.json")
        {
            var page = await bot.Host.Services.GetRequiredService<IPageStatusStore>().GetAsync(MessengerBot.PageId, CancellationToken.None);
            Assert.NotNull(page.OptInsBarredUntil);
        }
    }

    private static bool IsOptInTemplate(JsonObject body) =>
        body["message"]?["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "notification_messages";
}
