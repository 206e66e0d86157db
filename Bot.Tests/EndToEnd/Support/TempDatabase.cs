namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>A SQLite file in a temporary folder of its own, removed when the test ends.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conversationbot-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase() => Directory.CreateDirectory(_folder);

    public string FilePath => Path.Combine(_folder, "bot.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temp folder is cleaned by the OS.
        }
    }
}
