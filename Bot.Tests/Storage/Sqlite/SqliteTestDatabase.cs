using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

/// <summary>Opens SqliteDatabase instances on one temporary file, as separate processes would.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly TempDatabase _file = new();

    public string FilePath => _file.FilePath;

    /// <param name="migrations">The schema steps this process knows; every one the host registers unless a test is an older version.</param>
    public SqliteDatabase Open(string? path = null, IEnumerable<ISqliteMigration>? migrations = null) => new(
        Options.Create(new SqliteStorageOptions { Path = path ?? FilePath }),
        new Environment(),
        migrations ?? Migrations);

    /// <summary>Every schema step the host registers, in the order the versions say.</summary>
    public static IReadOnlyList<ISqliteMigration> Migrations { get; } =
    [
        SqliteStorage.Schema,
        SqliteHandoffStore.Schema,
        SqliteSubscriptionStore.Schema,
        SqliteSubscriptionStore.LanguageColumn("en"),
        SqliteSubscriptionStore.HistoryColumn,
        SqliteTopicActivityStore.Schema,
        SqliteOfferHistoryStore.Schema,
        SqliteMessagingWindowStore.Schema,
        SqlitePageStatusStore.Schema,
        SqliteStopRateCounterStore.Schema,
        SqliteCampaignStore.Schema,
        SqliteDeliveryStore.Schema,
        SqliteCampaignWorkStore.Schema,
        SqliteStopRateCounterStore.HourlyCounts,
        SqliteMessengerEventLog.Schema,
        SqliteMessengerEventLog.Outbox,
        SqliteMessengerEventLog.SetAside,
        SqliteMessengerEventLog.Inbox,
        SqliteRetentionCleanup.Schema,
        SqliteFunnelStore.Schema,
        SqliteHandoffStore.DeskColumns,
        SqliteHandoffStore.WaitNoticeColumn,
        SqliteTranscriptStore.Schema,
        SqliteSubscriptionStore.RegionRefusalColumns,
        SqliteSubscriptionStore.SendClaimsColumn,
        SqliteDeliveryStore.ProductColumns,
        SqliteDeliveryStore.TrackingIdColumn,
        SqliteMarketingMessageOutcomeStore.Schema,
        SqliteMetaUnsubscribeOutbox.Schema,
    ];

    public void Dispose() => _file.Dispose();

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
