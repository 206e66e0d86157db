using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Customers;

/// <summary>The erasure contract on the embedded SQLite file; "nowhere" is every text cell of every table.</summary>
public sealed class SqliteCustomerErasureTests : CustomerErasureContractTests
{
    protected override BotHost StartHost(IDictionary<string, string?> settings) => BotHost.Start(Database.FilePath, settings);

    protected override async Task<IReadOnlyList<string>> PlacesNamingAsync(BotHost host, string text)
    {
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var places = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var column = 0; column < rows.FieldCount; column++)
                {
                    if (!rows.IsDBNull(column) && rows.GetValue(column) is string value && value.Contains(text, StringComparison.Ordinal))
                    {
                        places.Add($"{table}.{rows.GetName(column)}: {value}");
                    }
                }
            }
        }

        return places;
    }
}
