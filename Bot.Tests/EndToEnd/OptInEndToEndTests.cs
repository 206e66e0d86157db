using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Subscriptions;
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
}
