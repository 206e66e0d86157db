using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// The embedded database file: opens pooled connections and brings the schema up to date the
/// first time it is opened. Several processes may share the file (WAL journal, busy timeout);
/// writers that must check and write atomically use an immediate transaction.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly IReadOnlyList<ISqliteMigration> _migrations;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private volatile bool _migrated;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, IHostEnvironment environment, IEnumerable<ISqliteMigration> migrations)
    {
        FilePath = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,

            // Seconds a command waits for another connection's write lock before failing.
            DefaultTimeout = 30,
        }.ToString();
        _migrations = [.. migrations.OrderBy(m => m.Version)];
        var duplicate = _migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two SQLite migrations have version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
    }

    public string FilePath { get; }

    public void Dispose()
    {
        _writer?.Dispose();
        _migrationLock.Dispose();
        _writeLock.Dispose();
    }

    /// <summary>
    /// An immediate (write-locked) transaction on this process's one writer connection. SQLite has
    /// one writer at a time; writers of this process queue here instead of in SQLite's busy handler,
    /// which polls with sleeps and made concurrent turns wait for hundreds of milliseconds, and the
    /// writer is opened and configured once instead of for every write. Other processes on the same
    /// file still meet at SQLite's lock, with the busy timeout.
    /// </summary>
    public async Task<SqliteWrite> BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer ??= await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new SqliteWrite(_writer, transaction, _writeLock);
        }
        catch
        {
            // A writer that failed (file gone, disk full) is opened afresh next time.
            _writer?.Dispose();
            _writer = null;
            _writeLock.Release();
            throw;
        }
    }

    /// <summary>A pooled connection for reading. Writes go through <see cref="BeginWriteAsync"/>.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // WAL with NORMAL sync survives a process crash without losing a committed write
            // (a power cut may lose the last ones). Set once: this connection lives as long as we do.
            await ExecuteAsync(connection, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrationLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            var folder = System.IO.Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL);", cancellationToken).ConfigureAwait(false);
            foreach (var migration in _migrations)
            {
                // One transaction per step, and the check inside it: two processes starting
                // together apply each step once.
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = $version";
                check.Parameters.AddWithValue("$version", migration.Version);
                if ((long)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
                {
                    await using var apply = connection.CreateCommand();
                    apply.Transaction = transaction;
                    apply.CommandText = migration.Sql + "; INSERT INTO schema_version (version, name) VALUES ($version, $name);";
                    apply.Parameters.AddWithValue("$version", migration.Version);
                    apply.Parameters.AddWithValue("$name", migration.Name);
                    await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            _migrated = true;
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
