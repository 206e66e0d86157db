using System.Net;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Tests.Messenger.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// Messenger's 24-hour window for sends that no customer message started (proactive turns). The
/// host's clock starts one minute after the samples' messages (<see cref="MessengerBot.Clock"/>).
/// </summary>
public sealed class MessengerWindowTests
{
    [Fact]
    public async Task A_proactive_send_to_a_customer_who_never_wrote_is_refused_and_not_attempted()
    {
        await using var bot = await MessengerBot.StartAsync();

        var refused = await Assert.ThrowsAsync<MessengerWindowClosedException>(() => SendProactiveAsync(bot, "Your parcel is on its way."));

        Assert.Equal((MessengerBot.Psid, null), (refused.Psid, refused.LastCustomerMessage));
        Assert.Empty(bot.Graph.Requests);
    }

    [Fact]
    public async Task A_proactive_send_is_a_RESPONSE_within_24_hours_of_the_last_message_and_refused_after()
    {
        await using var bot = await MessengerBot.StartAsync();
        var time = bot.Clock;
        using var message = await bot.PostSampleAsync("message-quick-reply.json");
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        var answered = bot.Graph.Requests.Count;

        time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(58));
        await SendProactiveAsync(bot, "Your parcel is on its way.");
        var sent = Assert.Single(bot.Graph.Requests.Skip(answered));
        Assert.Equal(("RESPONSE", "Your parcel is on its way."), (sent.MessagingType, sent.Body["message"]!["text"]!.GetValue<string>()));

        time.Advance(TimeSpan.FromMinutes(1));
        var refused = await Assert.ThrowsAsync<MessengerWindowClosedException>(() => SendProactiveAsync(bot, "Still there?"));
        Assert.Equal(MessengerSamples.Instant, refused.LastCustomerMessage);
        Assert.Equal(answered + 1, bot.Graph.Requests.Count);
    }

    [Fact]
    public async Task An_optin_does_not_open_the_window()
    {
        await using var bot = await MessengerBot.StartAsync();
        using var optin = await bot.PostSampleAsync("optin-notification-messages.json");
        Assert.Equal(HttpStatusCode.OK, optin.StatusCode);

        await Assert.ThrowsAsync<MessengerWindowClosedException>(() => SendProactiveAsync(bot, "Thanks for subscribing."));
        Assert.Empty(bot.Graph.Requests);
    }

    private static Task SendProactiveAsync(MessengerBot bot, string text)
    {
        var adapter = bot.Host.Services.GetRequiredService<MessengerAdapter>();
        var reference = new ConversationReference
        {
            ChannelId = MessengerActivityFactory.ChannelId,
            Conversation = new ConversationAccount(id: MessengerBot.Psid),
            User = new ChannelAccount(MessengerBot.Psid),
            Bot = new ChannelAccount(MessengerBot.PageId),
        };
        return adapter.ContinueConversationAsync(string.Empty, reference, (turn, ct) => turn.SendActivityAsync(text, cancellationToken: ct), CancellationToken.None);
    }
}
