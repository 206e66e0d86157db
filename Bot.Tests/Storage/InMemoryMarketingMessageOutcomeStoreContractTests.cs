using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>The reference the campaign tests use.</summary>
public sealed class InMemoryMarketingMessageOutcomeStoreContractTests : MarketingMessageOutcomeStoreContractTests
{
    protected override IMarketingMessageOutcomeStore CreateStore() => new InMemoryMarketingMessageOutcomeStore();
}
