using ConversationBot.Notifications.Funnel;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>The reference: the contract suite describes what the in-memory fakes of the domain tests do.</summary>
public sealed class InMemoryNotificationStoreContractTests : NotificationStoreContractTests
{
    protected override ISubscriptionStore CreateSubscriptionStore() => new SerializedSubscriptionStore(new InMemorySubscriptionStore());

    protected override IOfferHistoryStore CreateOfferHistoryStore() => new InMemoryOfferHistoryStore();

    protected override IMessagingWindowStore CreateMessagingWindowStore() => new InMemoryMessagingWindowStore();

    protected override IPageStatusStore CreatePageStatusStore() => new InMemoryPageStatusStore();

    protected override IStopRateCounterStore CreateStopRateCounterStore() => new InMemoryStopRateCounterStore();

    protected override IFunnelStore CreateFunnelStore() => new InMemoryFunnelStore();

    protected override ConversationBot.Notifications.Activity.ITopicActivityStore CreateTopicActivityStore() => new InMemoryTopicActivityStore();
}
