using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// Conversation state is kept for <c>Storage:ConversationStateIdleTime</c> after the customer's last
/// message (SQLite: the retention cleanup; Cosmos DB: the document's ttl, CosmosEndToEndTests).
/// </summary>
public sealed class ConversationRetentionTests : EmulatorTest
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_conversation_idle_longer_than_the_setting_starts_afresh_and_a_recent_one_continues()
    {
        var clock = new FakeTimeProvider(Start);
        await using var bot = BotHost.Start(
            Database.FilePath,
            new Dictionary<string, string?> { ["Storage:ConversationStateIdleTime"] = "30.00:00:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        var idle = new EmulatorClient(bot, Channel);
        var recent = new EmulatorClient(bot, Channel);
        foreach (var customer in new[] { idle, recent })
        {
            await customer.SayAndReadAsync("hi");
            Assert.StartsWith("What's your order number?", Assert.Single(await customer.SayAndReadAsync("1")).Text, StringComparison.Ordinal);
        }

        clock.Advance(TimeSpan.FromDays(20));
        Assert.StartsWith("That doesn't look like an order number.", (await recent.SayAndReadAsync("what?"))[0].Text, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromDays(11));
        await bot.Services.GetServices<IHostedService>().OfType<SqliteRetentionCleanup>().Single().CleanUpAsync(CancellationToken.None);

        var afresh = await idle.SayAndReadAsync("10046");
        var continued = await recent.SayAndReadAsync("10046");

        // Not an apology, not the old question: the menu of a new conversation.
        Assert.Equal("How can I help you?", Assert.Single(afresh).Text);
        continued[0].HasAdaptiveCardContaining("10046", "Daypack 22 l");
    }
}
