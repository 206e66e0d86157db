using ConversationBot.Bot.Storage;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary><c>Storage:Provider</c> picks the back end; a wrong or incomplete choice stops the host with the setting named.</summary>
public sealed class StorageProviderTests
{
    [Theory]
    [InlineData(null, typeof(SqliteStorage))]
    [InlineData("Sqlite", typeof(SqliteStorage))]
    [InlineData("cosmos", typeof(CosmosStorage))]
    public void The_setting_picks_the_back_end_of_every_store(string? provider, Type storage)
    {
        var services = new ServiceCollection().AddStorage(Configuration(("Storage:Provider", provider)));

        Assert.Equal(storage, services.Last(d => d.ServiceType == typeof(IStorage)).ImplementationType);
    }

    [Fact]
    public void An_unknown_provider_stops_the_host_naming_the_setting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddStorage(Configuration(("Storage:Provider", "Oracle"))));

        Assert.Contains("Storage:Provider", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cosmos_without_an_endpoint_fails_validation_naming_the_setting()
    {
        using var provider = new ServiceCollection().AddLogging().AddStorage(Configuration(("Storage:Provider", "Cosmos"))).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CosmosOptions>>().Value);

        Assert.Contains("Cosmos:Endpoint", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "90.00:00:00")]
    [InlineData("30.00:00:00", "30.00:00:00")]
    public void Conversation_state_is_kept_90_days_unless_the_setting_says_otherwise(string? setting, string kept)
    {
        var configuration = setting is null ? Configuration() : Configuration(("Storage:ConversationStateIdleTime", setting));
        using var provider = new ServiceCollection().AddLogging().AddStorage(configuration).BuildServiceProvider();

        Assert.Equal(TimeSpan.Parse(kept, System.Globalization.CultureInfo.InvariantCulture), provider.GetRequiredService<IOptions<StorageOptions>>().Value.ConversationStateIdleTime);
    }

    [Theory]
    [InlineData("00:30:00")]
    [InlineData("30000.00:00:00")]
    public void An_idle_time_under_a_day_or_beyond_what_cosmos_takes_fails_validation_naming_the_setting(string setting)
    {
        using var provider = new ServiceCollection().AddLogging().AddStorage(Configuration(("Storage:Provider", "Cosmos"), ("Storage:ConversationStateIdleTime", setting))).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:ConversationStateIdleTime", failure.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
