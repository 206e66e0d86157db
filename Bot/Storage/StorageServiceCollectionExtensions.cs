using ConversationBot.Bot.Customers;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Storage.Sqlite;

namespace ConversationBot.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string ProviderSetting = "Storage:Provider";

    /// <summary>The back end <c>Storage:Provider</c> names: <c>Sqlite</c> (the default, one file) or <c>Cosmos</c> (Azure Cosmos DB).</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<StorageOptions, StorageOptionsValidation>(configuration, StorageOptions.SectionName);
        services.AddCustomerErasure();
        var provider = configuration[ProviderSetting];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return services.AddSqliteStorage(configuration);
        }

        if (provider.Equals("Cosmos", StringComparison.OrdinalIgnoreCase))
        {
            return services.AddCosmosStorage(configuration);
        }

        throw new InvalidOperationException($"{ProviderSetting} must be Sqlite or Cosmos, not '{provider}'.");
    }
}
