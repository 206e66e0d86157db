using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>One write transaction on the shared writer connection, holding this process's write turn until disposed. Not committed unless <see cref="CommitAsync"/> is called.</summary>
public sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim writeLock) : IAsyncDisposable
{
    public SqliteCommand CreateCommand(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Rolls back unless committed; the connection stays open for the next write.
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }
}
