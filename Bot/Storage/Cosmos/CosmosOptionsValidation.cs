using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>The Cosmos DB settings: their declared requirements, named by full key.</summary>
public sealed class CosmosOptionsValidation() : SettingsValidator<CosmosOptions>(CosmosOptions.SectionName);
