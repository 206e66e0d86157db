using System.Net;
using ConversationBot.Bot.Orders;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Dialogs.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>The bot over real HTTP, the way the Bot Framework Emulator talks to it.</summary>
public sealed class EmulatorConversationTests : EmulatorTest
{
    [Fact]
    public async Task Opening_a_conversation_gets_the_welcome_card_and_the_menu()
    {
        await using var bot = BotHost.Start(Database.FilePath);
        var emulator = new EmulatorClient(bot, Channel);

        using var response = await emulator.OpenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = emulator.NewReplies();
        Assert.Equal(2, replies.Count);
        replies[0].AdaptiveCardJson();
        Assert.Equal("How can I help you?", replies[1].Text);
        Assert.Equal(6, replies[1].SuggestedActions.Actions.Count);
        Assert.All(replies, reply => Assert.Equal(emulator.ConversationId, reply.Conversation.Id));
    }

    [Fact]
    public async Task A_customer_looks_up_an_order_in_German()
    {
        await using var bot = BotHost.Start(Database.FilePath);
        var emulator = new EmulatorClient(bot, Channel, locale: "de-DE");

        Assert.StartsWith("Wie lautet deine Bestellnummer?", Assert.Single(await emulator.SayAndReadAsync("Bestellstatus")).Text, StringComparison.Ordinal);
        var replies = await emulator.SayAndReadAsync("10045");

        replies[0].HasAdaptiveCardContaining("10045", "Trail running shoes, size 42");
        replies[1].HasAdaptiveCardContaining("Neuigkeiten zu deinen Bestellungen");
        Assert.Equal("Kann ich dir sonst noch helfen?", replies[2].Text);
    }

    [Fact]
    public async Task A_conversation_continues_where_it_was_after_the_bot_restarts()
    {
        var bot = BotHost.Start(Database.FilePath);
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("hi");
        Assert.StartsWith("What's your order number?", Assert.Single(await emulator.SayAndReadAsync("1")).Text, StringComparison.Ordinal);
        await bot.DisposeAsync();

        await using var restarted = BotHost.Start(Database.FilePath);
        emulator.SwitchTo(restarted);
        var replies = await emulator.SayAndReadAsync("10046");

        replies[0].HasAdaptiveCardContaining("10046", "Daypack 22 l");
    }

    [Fact]
    public async Task A_card_submit_without_text_answers_the_pending_choice()
    {
        await using var bot = BotHost.Start(Database.FilePath);
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("hi");

        using var response = await emulator.SubmitAsync(new { choice = "contact" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        emulator.NewReplies()[0].HasAdaptiveCardContaining("+41 44 555 01 23");
    }

    [Fact]
    public async Task A_failing_turn_apologises_and_the_conversation_continues_at_the_same_question()
    {
        await using var bot = BotHost.Start(Database.FilePath, replaceServices: services =>
            services.AddSingleton<IOrderLookup>(sp => new FailingOrderLookup("66666", ActivatorUtilities.CreateInstance<JsonFileOrderLookup>(sp))));
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("order status");

        var apology = Assert.Single(await emulator.SayAndReadAsync("66666"));
        Assert.StartsWith("Sorry, something went wrong on my side.", apology.Text, StringComparison.Ordinal);

        var replies = await emulator.SayAndReadAsync("10045");
        replies[0].HasAdaptiveCardContaining("10045");
    }

    [Fact]
    public async Task Health_reports_the_storage()
    {
        await using var bot = BotHost.Start(Database.FilePath);

        using var response = await bot.Client.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"storage\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    private sealed class FailingOrderLookup(string failingNumber, IOrderLookup inner) : IOrderLookup
    {
        public Task<Order?> FindAsync(string orderNumber, CancellationToken cancellationToken) =>
            orderNumber == failingNumber
                ? throw new InvalidOperationException("The shop system is down.")
                : inner.FindAsync(orderNumber, cancellationToken);
    }
}
