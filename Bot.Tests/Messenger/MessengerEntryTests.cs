using System.Net;
using System.Text.Json;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// The front door on Messenger: Get Started, a persistent-menu item or ice breaker arrives as a
/// postback whose payload is an entry (Dialogs/CustomerService/ConversationEntry.cs), and starts the
/// right conversation by its payload, whatever the button's (localized) title says; an m.me link's
/// ref the same way, on Get Started and into an existing thread; an ad sends nothing until the person writes.
/// </summary>
public sealed class MessengerEntryTests
{
    [Fact]
    public async Task Get_Started_with_a_label_Messenger_localized_gets_the_welcome_and_the_menu()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSignedAsync(Postback("Los geht's", "get_started"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = Texts(bot);
        Assert.Contains(texts, t => t.Contains("I can check the status of your order", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("How can I help you?", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("didn't understand", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dialog_handoff", "I've asked a colleague to take over.")]
    [InlineData("dialog_order-status", "What's your order number?")]
    public async Task A_menu_item_starts_its_flow_by_its_payload_not_its_title(string payload, string expected)
    {
        await using var bot = await MessengerBot.StartAsync();

        // A title that names another item: the payload decides.
        using var response = await bot.PostSignedAsync(Postback("My notifications", payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts(bot), t => t.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_menu_item_tapped_while_the_bot_waits_for_an_order_number_starts_that_item()
    {
        await using var bot = await MessengerBot.StartAsync();
        await bot.PostSignedAsync(Postback("Order status", "dialog_order-status"));

        using var response = await bot.PostSignedAsync(Postback("Talk to a person", "dialog_handoff"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("I've asked a colleague to take over.", Texts(bot)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_entry_gets_the_topics_opt_in_request_when_the_rules_allow_it()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSignedAsync(Postback("Weekly deals", "topic_weekly-deals__src_store-zurich"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var template = Assert.Single(bot.Graph.Messages, m => m["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "notification_messages");
        Assert.Equal("topic:weekly-deals", template["attachment"]!["payload"]!["payload"]!.GetValue<string>());
        Assert.Contains(Texts(bot), t => t.StartsWith("How can I help you?", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("topic_no-such-topic")]
    [InlineData("dialog_no-such-dialog")]
    public async Task An_entry_the_bot_does_not_know_gets_the_ordinary_welcome(string payload)
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSignedAsync(Postback("Hello", payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts(bot), t => t.Contains("I can check the status of your order", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Graph.Messages, m => m["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "notification_messages");
    }

    [Fact]
    public async Task A_new_person_through_a_link_with_a_ref_that_is_no_entry_gets_the_ordinary_welcome()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSampleAsync("referral-postback-get-started.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts(bot), t => t.Contains("I can check the status of your order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_persons_Get_Started_through_a_topic_link_gets_the_topics_offer()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSignedAsync(MessengerBot.Sample("referral-postback-get-started.json").Replace("qr_store_zurich", "topic_weekly-deals__src_qr-store-zurich", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Graph.Messages, m => m["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "notification_messages");
    }

    [Fact]
    public async Task A_link_into_an_existing_thread_opens_the_window_and_starts_the_refs_dialog()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSignedAsync(MessengerBot.Sample("referral-existing-thread.json").Replace("email_2026_11_returns", "dialog_handoff__src_email-2026-11", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts(bot), t => t.StartsWith("I've asked a colleague to take over.", StringComparison.Ordinal));
        var window = await bot.Host.Services.GetRequiredService<IMessagingWindowStore>().GetAsync("messenger", MessengerBot.Psid, CancellationToken.None);
        Assert.True(window.IsOpenAt(bot.Clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("email_2026_11_returns")]
    [InlineData("topic_no-such-topic")]
    [InlineData("topic_weekly-deals\\u0007")]
    [InlineData("ZZZ")]
    public async Task A_ref_the_bot_does_not_know_gets_the_ordinary_welcome_and_nothing_else(string crafted)
    {
        await using var bot = await MessengerBot.StartAsync();
        var body = MessengerBot.Sample("referral-existing-thread.json").Replace("email_2026_11_returns", crafted == "ZZZ" ? new string('z', 3_000) : crafted, StringComparison.Ordinal);

        using var response = await bot.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts(bot), t => t.Contains("I can check the status of your order", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Graph.Messages, m => m["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "notification_messages");
        Assert.Empty(await bot.Host.Services.GetRequiredService<ISubscriptionStore>().ListByCustomerAsync("messenger", MessengerBot.Psid, CancellationToken.None));
    }

    [Fact]
    public async Task An_ad_referral_alone_sends_nothing_and_the_message_after_it_is_answered_as_any_message()
    {
        await using var bot = await MessengerBot.StartAsync();

        using (var ad = await bot.PostSampleAsync("referral-ad.json"))
        {
            Assert.Equal(HttpStatusCode.OK, ad.StatusCode);
        }

        Assert.Empty(bot.Graph.Requests);
        var window = await bot.Host.Services.GetRequiredService<IMessagingWindowStore>().GetAsync("messenger", MessengerBot.Psid, CancellationToken.None);
        Assert.False(window.IsOpenAt(bot.Clock.GetUtcNow()));

        using (var message = await bot.PostSampleAsync("referral-ad-message.json"))
        {
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        }

        Assert.NotEmpty(bot.Graph.Messages);
    }

    private static int _mid;

    /// <summary>The postback sample with another title and payload, and a message id of its own.</summary>
    private static string Postback(string title, string payload) => MessengerBot.Sample("postback.json")
        .Replace("\"Talk to a person\"", JsonSerializer.Serialize(title), StringComparison.Ordinal)
        .Replace("\"MENU_HANDOFF\"", JsonSerializer.Serialize(payload), StringComparison.Ordinal)
        .Replace("m_AbC125pb", $"m_entry{Interlocked.Increment(ref _mid)}", StringComparison.Ordinal);

    private static List<string> Texts(MessengerBot bot) =>
        [.. bot.Graph.Messages.Select(m => m["text"]?.GetValue<string>() ?? m["attachment"]?["payload"]?["text"]?.GetValue<string>() ?? string.Empty)];
}
