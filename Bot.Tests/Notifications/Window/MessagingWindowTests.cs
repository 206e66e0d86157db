using ConversationBot.Notifications.Window;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Notifications.Window;

public class MessagingWindowTests
{
    private static readonly DateTimeOffset LastMessage = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_window_is_open_at_23_59_and_closed_at_24_00_and_24_01_after_the_customers_last_message()
    {
        var clock = new FakeTimeProvider(LastMessage);
        var window = MessagingWindow.NeverOpened("messenger", "psid");
        window.RecordCustomerMessage(clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        Assert.True(window.IsOpenAt(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(window.IsOpenAt(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(window.IsOpenAt(clock.GetUtcNow()));
    }

    [Fact]
    public void A_customer_who_never_wrote_has_a_closed_window()
    {
        var window = MessagingWindow.NeverOpened("emulator", "user-1");
        Assert.False(window.IsOpenAt(LastMessage));
        Assert.Null(window.ClosesAt);
    }

    [Fact]
    public void Each_customer_message_reopens_the_window_for_24_hours()
    {
        var window = MessagingWindow.Restore("messenger", "psid", LastMessage);
        window.RecordCustomerMessage(LastMessage.AddHours(30));
        Assert.True(window.IsOpenAt(LastMessage.AddHours(53)));
        Assert.Equal(LastMessage.AddHours(54), window.ClosesAt);
    }

    [Fact]
    public void A_late_delivered_older_message_does_not_shorten_the_window()
    {
        var window = MessagingWindow.Restore("messenger", "psid", LastMessage);
        window.RecordCustomerMessage(LastMessage.AddHours(-5));
        Assert.Equal(LastMessage, window.LastCustomerMessageAt);
    }

    [Fact]
    public void Nothing_but_a_customer_message_can_open_the_window()
    {
        // Opt-in acceptances, echoes and the bot's own messages have no way in: the only mutator is
        // RecordCustomerMessage. This test pins that shape so a new "open" method is a conscious change.
        var mutators = typeof(MessagingWindow).GetMethods()
            .Where(m => m.DeclaringType == typeof(MessagingWindow) && !m.IsStatic && m.ReturnType == typeof(void))
            .Select(m => m.Name);
        Assert.Equal(["RecordCustomerMessage"], mutators);
        Assert.DoesNotContain(typeof(MessagingWindow).GetProperties(), p => p.SetMethod?.IsPublic == true);
    }
}
