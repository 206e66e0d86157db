using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Dialogs.Handoff;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

/// <summary>What only a file-backed store must show: restarts, several processes, schema steps, health.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task What_was_written_survives_a_restart()
    {
        var before = new SqliteStorage(_database.Open(), new FakeTimeProvider());
        await before.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageContractTests.Note { Text = "kept" } });
        SqliteConnection.ClearAllPools();

        var after = new SqliteStorage(_database.Open(), new FakeTimeProvider());

        Assert.Equal("kept", ((JObject)(await after.ReadAsync(["k"]))["k"])["Text"]!.Value<string>());
    }

    [Fact]
    public async Task Two_processes_on_one_file_see_each_others_writes_and_conflict()
    {
        var first = new SqliteStorage(_database.Open(), new FakeTimeProvider());
        var second = new SqliteStorage(_database.Open(), new FakeTimeProvider());
        await first.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageContractTests.Note { Text = "one" } });
        var etag = ((JObject)(await second.ReadAsync(["k"]))["k"])["eTag"]!.Value<string>();

        await second.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageContractTests.Note { Text = "two", ETag = etag } });

        await Assert.ThrowsAsync<EtagConflictException>(() => first.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageContractTests.Note { Text = "three", ETag = etag } }));
        Assert.Equal("two", ((JObject)(await first.ReadAsync(["k"]))["k"])["Text"]!.Value<string>());
    }

    [Fact]
    public async Task Each_schema_step_is_applied_once_however_often_the_database_is_opened()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await _database.Open().OpenAsync(CancellationToken.None);
        }

        await using var check = await _database.Open().OpenAsync(CancellationToken.None);
        await using var command = check.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)";
        Assert.Equal(string.Join(",", SqliteTestDatabase.Migrations.Select(m => m.Version).Order()), await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Health_is_unhealthy_when_the_file_cannot_be_used()
    {
        var folderInTheWay = Path.Combine(Path.GetDirectoryName(_database.FilePath)!, "a-folder.db");
        Directory.CreateDirectory(folderInTheWay);

        var healthy = await new SqliteHealthCheck(_database.Open()).CheckHealthAsync(new HealthCheckContext());
        var unhealthy = await new SqliteHealthCheck(_database.Open(folderInTheWay)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Contains("a-folder.db", unhealthy.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handoffs_are_stored_listed_renewed_and_released()
    {
        var store = new SqliteHandoffStore(_database.Open());
        var at = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

        await store.SaveAsync(new Handoff("emulator", "c1|livechat", "u1", at, at.AddHours(24)), CancellationToken.None);
        await store.SaveAsync(new Handoff("emulator", "c1|livechat", "u1", at.AddHours(1), at.AddHours(25)), CancellationToken.None);
        await store.SaveAsync(new Handoff("facebook", "c2", "u2", at, at.AddHours(24)), CancellationToken.None);

        Assert.Equal(at.AddHours(25), (await store.FindAsync("emulator", "c1|livechat", CancellationToken.None))!.ExpiresAt);
        Assert.Equal(2, (await store.ListAsync(CancellationToken.None)).Count);
        Assert.True(await store.ReleaseAsync("emulator", "c1|livechat", CancellationToken.None));
        Assert.False(await store.ReleaseAsync("emulator", "c1|livechat", CancellationToken.None));
        Assert.Null(await store.FindAsync("emulator", "c1|livechat", CancellationToken.None));
    }
}
