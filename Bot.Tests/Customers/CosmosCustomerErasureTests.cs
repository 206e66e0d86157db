using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Storage.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Customers;

/// <summary>The erasure contract on the Cosmos DB test server; "nowhere" is every document of every container, read raw.</summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosCustomerErasureTests(CosmosTestServer server) : CustomerErasureContractTests
{
    private readonly string _database = "erase" + Guid.NewGuid().ToString("N");

    protected override BotHost StartHost(IDictionary<string, string?> settings)
    {
        var all = server.Settings(_database);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return BotHost.Start(Database.FilePath, all, services => services.Configure<CosmosClientOptions>(CosmosTestServer.UseWorkarounds));
    }

    protected override async Task<IReadOnlyList<string>> PlacesNamingAsync(BotHost host, string text)
    {
        var cosmos = host.Services.GetRequiredService<CosmosDatabase>();
        var places = new List<string>();
        foreach (var spec in CosmosContainers.All)
        {
            using var iterator = cosmos[spec].GetItemQueryStreamIterator(new QueryDefinition("SELECT * FROM c"), null, new QueryRequestOptions { MaxItemCount = 1000 });
            while (iterator.HasMoreResults)
            {
                using var response = await iterator.ReadNextAsync();
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(response.Content);
                var page = System.Text.Json.Nodes.JsonNode.Parse(await reader.ReadToEndAsync())!;
                foreach (var document in page["Documents"]!.AsArray())
                {
                    var json = document!.ToJsonString();
                    if (json.Contains(text, StringComparison.Ordinal))
                    {
                        places.Add($"{spec.Name}: {json}");
                    }
                }
            }
        }

        return places;
    }
}
