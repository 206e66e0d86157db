using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>The opt-in journey over real HTTP, on SQLite, as an Emulator user lives it.</summary>
public sealed class OptInEndToEndTests : EmulatorTest
{
    [Fact]
    public async Task Chat_offer_allow_list_stop_and_resume_survive_a_restart()
    {
        var bot = BotHost.Start(Database.FilePath);
        var emulator = new EmulatorClient(bot, Channel);

        var replies = await emulator.SayAndReadAsync("where is my order 10045?");
        replies[1].HasAdaptiveCardContaining("Updates on your orders", "\"optIn\":\"allow\"");
        using (var allowed = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }))
        {
            allowed.EnsureSuccessStatusCode();
        }

        Assert.StartsWith("Done! You'll get \"Updates on your orders\"", emulator.NewReplies()[0].Text, StringComparison.Ordinal);
        await bot.DisposeAsync();

        await using var restarted = BotHost.Start(Database.FilePath);
        emulator.SwitchTo(restarted);
        var store = restarted.Services.GetRequiredService<ISubscriptionStore>();
        var stored = Assert.Single(await store.ListByCustomerAsync("emulator", emulator.UserId, CancellationToken.None));
        Assert.Equal(SubscriptionStatus.Active, stored.Status);
        Assert.Contains(Channel.ServiceUrl.Authority, stored.ConversationReference, StringComparison.Ordinal);

        var listed = await emulator.SayAndReadAsync("my notifications");
        listed[0].HasAdaptiveCardContaining("Updates on your orders", "\"notifications\":\"stop\"");

        using (var stop = await emulator.SubmitAsync(new { notifications = "stop", topic = "order-updates" }))
        {
            stop.EnsureSuccessStatusCode();
        }

        Assert.Equal("Done: you won't get \"Updates on your orders\" any more.", emulator.NewReplies()[0].Text);
        Assert.Equal(SubscriptionStatus.Stopped, (await store.FindAsync(stored.Id, CancellationToken.None))!.Status);

        using (var resume = await emulator.SubmitAsync(new { notifications = "resume", topic = "order-updates" }))
        {
            resume.EnsureSuccessStatusCode();
        }

        Assert.Equal("Welcome back: you'll get \"Updates on your orders\" again.", emulator.NewReplies()[0].Text);
        Assert.Equal(SubscriptionStatus.Active, (await store.FindAsync(stored.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_answered_opt_in_card_is_replaced_by_its_outcome_and_a_second_Allow_is_told_it_already_holds()
    {
        await using var bot = BotHost.Start(Database.FilePath);
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("where is my order 10045?");
        var card = Channel.All.Single(r => r.ConversationId == emulator.ConversationId && r.Activity.Attachments?.Count > 0 && r.Activity.AdaptiveCardJson().Contains("\"optIn\":\"allow\"", StringComparison.Ordinal));

        using (var allowed = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }, card.Id))
        {
            allowed.EnsureSuccessStatusCode();
        }

        var update = Assert.Single(Channel.Updates);
        Assert.Equal((emulator.ConversationId, card.Id), (update.ConversationId, update.Id));
        Assert.Equal("\"Updates on your orders\": you get these updates ✓", update.Activity.Text);
        Assert.Null(update.Activity.Attachments?.FirstOrDefault());
        var answer = Assert.Single(emulator.NewReplies());
        Assert.StartsWith("Done! You'll get \"Updates on your orders\"", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Order status", answer.SuggestedTitles());

        // The same card's Allow once more (a client that kept it): told, not subscribed twice.
        using (var again = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }, card.Id))
        {
            again.EnsureSuccessStatusCode();
        }

        Assert.Equal("You already get \"Updates on your orders\". Type \"stop\" any time to end it.", Assert.Single(emulator.NewReplies()).Text);
        var store = bot.Services.GetRequiredService<ISubscriptionStore>();
        Assert.Single(await store.ListByCustomerAsync("emulator", emulator.UserId, CancellationToken.None));
    }

    [Fact]
    public async Task A_channel_that_cannot_update_the_card_still_gets_the_answer_and_the_subscription_holds()
    {
        await using var bot = BotHost.Start(Database.FilePath);
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("where is my order 10045?");
        Channel.UpdateStatusCode = StatusCodes.Status405MethodNotAllowed;

        using (var allowed = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }, replyToId: Channel.All[^2].Id))
        {
            allowed.EnsureSuccessStatusCode();
        }

        Assert.Empty(Channel.Updates);
        Assert.StartsWith("Done! You'll get \"Updates on your orders\"", Assert.Single(emulator.NewReplies()).Text, StringComparison.Ordinal);
        var store = bot.Services.GetRequiredService<ISubscriptionStore>();
        Assert.Equal(SubscriptionStatus.Active, Assert.Single(await store.ListByCustomerAsync("emulator", emulator.UserId, CancellationToken.None)).Status);
    }
}
