using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>The reference: the contract suite describes what the in-memory fakes of the domain tests do.</summary>
public sealed class InMemoryNotificationStoreContractTests : NotificationStoreContractTests
{
    protected override ISubscriptionStore CreateSubscriptionStore() => new SerializedSubscriptionStore(new InMemorySubscriptionStore());
}
