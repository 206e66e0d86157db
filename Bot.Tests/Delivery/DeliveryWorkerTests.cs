using ConversationBot.Bot.Delivery;
using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Bot.Tests.Delivery;

public sealed class DeliveryWorkerTests
{
    /// <summary>
    /// The take-over promise with the default settings: a dead instance's item is free at most one item lease
    /// after its last renewal, and every instance looks again a third of the lease later at most while a
    /// campaign runs: within 30 s of the death (20 s).
    /// </summary>
    [Fact]
    public void With_the_default_settings_a_dead_instances_item_is_looked_at_again_within_30_seconds()
    {
        var lease = new DeliveryOptions().ItemLeaseDuration;
        var poll = new DeliveryHostOptions().PollInterval;

        var lookAgain = DeliveryWorker.NextLookAfter(campaignRunning: true, poll, lease);

        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5)), (lease, lookAgain));
        Assert.True(lease + lookAgain <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Without_a_running_campaign_the_worker_waits_for_the_poll_and_a_shorter_poll_is_kept()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), DeliveryWorker.NextLookAfter(false, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)));
        Assert.Equal(TimeSpan.FromMilliseconds(100), DeliveryWorker.NextLookAfter(true, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)));
    }
}
