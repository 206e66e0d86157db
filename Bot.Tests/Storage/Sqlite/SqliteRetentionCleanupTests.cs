using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Storage;
using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Notifications.Delivery;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

/// <summary>The SQLite file keeps what Cosmos DB's time to live keeps, on the host's clock.</summary>
public sealed class SqliteRetentionCleanupTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SqliteTestDatabase _file = new();
    private readonly SqliteDatabase _database;
    private readonly FakeTimeProvider _clock = new(At);
    private readonly SqliteRetentionCleanup _cleanup;

    public SqliteRetentionCleanupTests()
    {
        _database = _file.Open();
        _cleanup = new SqliteRetentionCleanup(
            _database, Options.Create(new StorageOptions { ConversationStateIdleTime = TimeSpan.FromDays(30) }), _clock, NullLogger<SqliteRetentionCleanup>.Instance);
    }

    public void Dispose()
    {
        _database.Dispose();
        _file.Dispose();
    }

    [Fact]
    public async Task Conversations_idle_longer_than_the_setting_are_deleted_in_batches_and_touched_ones_stay()
    {
        var storage = new SqliteStorage(_database, _clock);
        var idle = Enumerable.Range(0, (2 * SqliteRetentionCleanup.BatchSize) + 7).Select(i => $"emulator/conversations/idle-{i}").ToArray();
        await storage.WriteAsync(idle.ToDictionary(k => k, object (_) => new StorageContractTests.Note { Text = "old" }));
        await storage.WriteAsync(new Dictionary<string, object> { ["touched"] = new StorageContractTests.Note { Text = "old" } });
        _clock.Advance(TimeSpan.FromDays(29));
        await storage.WriteAsync(new Dictionary<string, object> { ["touched"] = new StorageContractTests.Note { Text = "again", ETag = "*" } });

        Assert.Equal(0, await _cleanup.CleanUpAsync(None));
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var deleted = await _cleanup.CleanUpAsync(None);

        Assert.Equal(idle.Length, deleted);
        Assert.Equal(["touched"], (await storage.ReadAsync([.. idle, "touched"])).Keys);
    }

    [Fact]
    public async Task A_hand_off_transcript_is_kept_for_the_retention_after_its_last_line_then_removed()
    {
        var transcripts = new SqliteTranscriptStore(_database, new ConversationBot.Dialogs.Handoff.HandoffOptions { TranscriptRetention = TimeSpan.FromDays(30) });
        var old = new ConversationBot.Dialogs.Handoff.Handoff("emulator", "conv-old", "anna", At, At.AddDays(1));
        var talked = new ConversationBot.Dialogs.Handoff.Handoff("emulator", "conv-talked", "bert", At, At.AddDays(1));
        await transcripts.AppendAsync(old, [new(At, ConversationBot.Dialogs.Handoff.TranscriptAuthor.Customer, "hello")], None);
        await transcripts.AppendAsync(talked, [new(At, ConversationBot.Dialogs.Handoff.TranscriptAuthor.Customer, "hello")], None);
        _clock.Advance(TimeSpan.FromDays(20));
        await transcripts.AppendAsync(talked, [new(_clock.GetUtcNow(), ConversationBot.Dialogs.Handoff.TranscriptAuthor.Agent, "answered")], None);

        _clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _cleanup.CleanUpAsync(None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _cleanup.CleanUpAsync(None));

        Assert.Empty(await transcripts.ReadAsync(old, None));
        Assert.Equal(["hello", "answered"], (await transcripts.ReadAsync(talked, None)).Select(l => l.Text));
        _clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(2, await _cleanup.CleanUpAsync(None));
    }

    [Fact]
    public async Task State_written_before_the_upgrade_gets_the_whole_idle_time()
    {
        var storage = new SqliteStorage(_database, _clock);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageContractTests.Note { Text = "before" } });
        await using (var connection = await _database.OpenAsync(None))
        await using (var unstamp = connection.CreateCommand())
        {
            unstamp.CommandText = "UPDATE bot_state SET written_at = NULL";
            await unstamp.ExecuteNonQueryAsync();
        }

        _clock.Advance(TimeSpan.FromDays(100));
        Assert.Equal(0, await _cleanup.CleanUpAsync(None));
        _clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await _cleanup.CleanUpAsync(None));
        _clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await _cleanup.CleanUpAsync(None));
        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task Delivery_records_go_after_400_days()
    {
        var deliveries = new SqliteDeliveryStore(_database);
        await deliveries.RecordOutcomesAsync([DeliveryRecord.Claim("old", "s1", "messenger", "u1", "host", At).Sent(At, 1)], None);
        _clock.Advance(TimeSpan.FromDays(300));
        await deliveries.RecordOutcomesAsync([DeliveryRecord.Claim("newer", "s1", "messenger", "u1", "host", _clock.GetUtcNow()).Sent(_clock.GetUtcNow(), 1)], None);
        _clock.Advance(TimeSpan.FromDays(100) + TimeSpan.FromMinutes(1));

        Assert.Equal(1, await _cleanup.CleanUpAsync(None));

        Assert.Empty(await deliveries.FindManyAsync("old", ["s1"], None));
        Assert.Single(await deliveries.FindManyAsync("newer", ["s1"], None));
    }

    [Fact]
    public async Task Finished_messenger_events_go_after_seven_days_and_unfinished_ones_stay()
    {
        var log = new SqliteMessengerEventLog(_database, _clock, Options.Create(new MessengerOptions()));
        await log.AcceptAsync([new AcceptedEvent("done", "psid-1", "{}"), new AcceptedEvent("waiting", "psid-2", "{}"), new AcceptedEvent("odd", "psid-3", "{}", "not a message")], None);
        await log.ClaimAsync("done", None);
        await log.CompleteAsync("done", None);
        _clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await _cleanup.CleanUpAsync(None));
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.Equal(2, await _cleanup.CleanUpAsync(None));

        Assert.Empty(await log.ListSetAsideAsync(10, None));
        Assert.Equal(["waiting"], (await log.ListUnfinishedAsync(10, None)).Select(e => e.Key));
    }
}
