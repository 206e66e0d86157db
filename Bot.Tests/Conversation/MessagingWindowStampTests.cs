using ConversationBot.Bot.Conversation;
using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Conversation;

/// <summary>Every customer message keeps the 24-hour window open, stored at most once a minute and never later than the platform's.</summary>
public sealed class MessagingWindowStampTests
{
    [Fact]
    public async Task A_customer_message_opens_the_window_and_a_burst_is_stored_once_a_minute()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        var first = harness.Time.GetUtcNow();

        await harness.Flow(adapter).Send("hi").AssertReply(_ => { }).StartTestAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(59));
        await harness.Flow(adapter).Send("banana").AssertReply(_ => { }).StartTestAsync();

        var window = await harness.Windows.GetAsync("test", "customer-1", CancellationToken.None);
        Assert.Equal(first, window.LastCustomerMessageAt);
        Assert.True(window.IsOpenAt(first + TimeSpan.FromHours(24) - TimeSpan.FromTicks(1)));
        Assert.False(window.IsOpenAt(first + TimeSpan.FromHours(24)));

        harness.Time.Advance(WindowStamp.Resolution);
        await harness.Flow(adapter).Send("banana").AssertReply(_ => { }).StartTestAsync();

        Assert.Equal(harness.Time.GetUtcNow(), (await harness.Windows.GetAsync("test", "customer-1", CancellationToken.None)).LastCustomerMessageAt);
    }
}
