using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>The reference: the contract describes what the fakes of the campaign runner tests do.</summary>
public sealed class InMemoryDeliveryStoreContractTests : DeliveryStoreContractTests
{
    protected override ICampaignStore CreateCampaignStore() => new InMemoryCampaignStore();

    protected override IDeliveryStore CreateDeliveryStore() => new InMemoryDeliveryStore();

    protected override ISubscriptionStore CreateSubscriptionStore() => new SerializedSubscriptionStore(new InMemorySubscriptionStore());

    protected override ICampaignWorkStore CreateWorkStore() => new InMemoryCampaignWorkStore();
}
