using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>The reference: the contract suite describes what Bot Framework's own MemoryStorage does.</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(new MemoryStorage());
}
