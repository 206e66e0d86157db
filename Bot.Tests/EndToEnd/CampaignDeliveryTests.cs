using ConversationBot.Bot.Telemetry;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Telemetry;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// Campaigns end to end over real HTTP: a customer opts in through the channel, an operator pushes a
/// campaign through the admin API, and the delivery service sends it through the Send API (the fake
/// Graph API) or the Bot Framework connector (the fake channel), within the topic's promise.
/// </summary>
public sealed class CampaignDeliveryTests : EmulatorTest
{
    private const string Token = "8183222379117308817";

    [Fact]
    public async Task A_messenger_opt_in_gets_one_campaign_per_week_through_its_token()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        var clock = bot.Clock;
        using (var optIn = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            optIn.EnsureSuccessStatusCode();
        }

        var admin = new AdminClient(bot.Host);
        using var measured = new RecordedMeasurements(bot.Host.Services.GetRequiredService<BotTelemetry>().Meter);

        var first = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "This week: 20% off rain jackets", buttons = new[] { new { title = "Show me", payload = "offers" } } }));

        var sent = Assert.Single(bot.Graph.ToToken(Token));
        Assert.Equal(MessengerBot.PageAccessToken, sent.AccessToken);
        Assert.Equal(MessengerBot.PageId, sent.Page);
        Assert.Equal("This week: 20% off rain jackets", sent.Body["message"]!["text"]!.GetValue<string>());
        Assert.Equal("offers", sent.Body["message"]!["quick_replies"]![0]!["payload"]!.GetValue<string>());
        Assert.Null(sent.Body["messaging_type"]);
        Assert.Equal((1, 0, 0), (AdminClient.Progress(first, "sent"), AdminClient.Progress(first, "skipped"), AdminClient.Progress(first, "failed")));

        clock.Advance(TimeSpan.FromDays(2));
        var second = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Midweek extra" }));

        Assert.Single(bot.Graph.ToToken(Token));
        Assert.Equal((0, 1), (AdminClient.Progress(second, "sent"), AdminClient.Progress(second, "skipped")));
        Assert.Equal(
            [("sent", null, "messenger"), ("skipped", "already_sent_this_period", "messenger")],
            measured.Of("conversationbot.deliveries").Select(m => (m.Tag(TelemetryTags.Outcome), m.Tag(TelemetryTags.Reason), m.Tag(TelemetryTags.Channel))));

        clock.Advance(TimeSpan.FromDays(7));
        await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Next week's deals" }));

        Assert.Equal(["This week: 20% off rain jackets", "Next week's deals"], bot.Graph.ToToken(Token).Select(r => r.Body["message"]!["text"]!.GetValue<string>()));
        var subscription = await bot.Host.Services.GetRequiredService<ISubscriptionStore>().FindByTokenAsync(Token, CancellationToken.None);
        Assert.Equal(clock.GetUtcNow(), subscription!.LastSentAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_token_the_platform_calls_invalid_retires_the_subscription_and_is_never_used_again()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        var clock = bot.Clock;
        using (var optIn = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            optIn.EnsureSuccessStatusCode();
        }

        bot.Graph.AnswerNext(400, MessengerBot.Sample("send-error-token-invalid.json"));
        var admin = new AdminClient(bot.Host);

        var first = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "deals" }));
        clock.Advance(TimeSpan.FromDays(8));
        var second = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "more deals" }));

        Assert.Single(bot.Graph.ToToken(Token));
        Assert.Equal(1, AdminClient.Progress(first, "failed"));
        Assert.Equal(0, AdminClient.Progress(second, "sent") + AdminClient.Progress(second, "skipped") + AdminClient.Progress(second, "failed"));
        var subscription = await bot.Host.Services.GetRequiredService<ISubscriptionStore>().FindByTokenAsync(Token, CancellationToken.None);
        Assert.Equal(SubscriptionStatus.Retired, subscription!.Status);
    }

    [Fact]
    public async Task A_rate_limited_send_waits_for_retry_after_and_goes_out_once()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        var clock = bot.Clock;
        using (var optIn = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            optIn.EnsureSuccessStatusCode();
        }

        bot.Graph.AnswerNext(429, MessengerBot.Sample("send-error-rate-limit.json"), retryAfterSeconds: 20);
        bot.Graph.AnswerNext(500, """{"error":{"message":"An unexpected error has occurred.","type":"OAuthException","code":2}}""");
        var admin = new AdminClient(bot.Host);

        var campaign = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "deals" }), clock: clock, clockStep: TimeSpan.FromSeconds(1));

        Assert.Equal(3, bot.Graph.ToToken(Token).Count);
        Assert.Equal((1, 0), (AdminClient.Progress(campaign, "sent"), AdminClient.Progress(campaign, "failed")));
    }

    [Fact]
    public async Task A_send_that_times_out_may_have_arrived_so_it_is_recorded_as_unknown_and_never_sent_again()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings(new Dictionary<string, string?> { ["Messenger:SendTimeout"] = "00:00:00.200" }));
        using (var optIn = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            optIn.EnsureSuccessStatusCode();
        }

        bot.Graph.ResponseDelay = TimeSpan.FromSeconds(1);
        var admin = new AdminClient(bot.Host);

        var campaign = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "deals" }), clock: bot.Clock, clockStep: TimeSpan.FromSeconds(1));

        Assert.Single(bot.Graph.ToToken(Token));
        Assert.Equal((0, 1), (AdminClient.Progress(campaign, "sent"), AdminClient.Progress(campaign, "failed")));
        var record = Assert.Single(await CampaignChecks.AllDeliveriesAsync(bot.Host, campaign["id"]!.GetValue<string>()));
        Assert.Equal((DeliveryState.Failed, DeliveryReasons.OutcomeUnknown, 1), (record.State, record.Reason, record.Attempts));
        var subscription = await bot.Host.Services.GetRequiredService<ISubscriptionStore>().FindByTokenAsync(Token, CancellationToken.None);
        Assert.NotNull(subscription!.LastSentAt);
    }

    [Fact]
    public async Task An_emulator_customer_who_allowed_order_updates_gets_the_campaign_through_the_connector()
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("where is my order 10045?");
        using (var allowed = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }))
        {
            allowed.EnsureSuccessStatusCode();
        }

        emulator.NewReplies();
        var admin = new AdminClient(bot);

        var campaign = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new
        {
            topic = "order-updates",
            text = "Your order 10045 has shipped.",
            buttons = new[] { new { title = "Track it", payload = "where is my order 10045?" } },
        }));

        var pushed = Assert.Single(emulator.NewReplies());
        Assert.Equal("Your order 10045 has shipped.", pushed.Text);
        Assert.Equal("where is my order 10045?", pushed.SuggestedActions.Actions[0].Value);
        Assert.Equal(emulator.UserId, pushed.Recipient.Id);
        Assert.Equal(1, AdminClient.Progress(campaign, "sent"));
    }
}
