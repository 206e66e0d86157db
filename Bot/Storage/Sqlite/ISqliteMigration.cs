namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// One step of the schema. Each store registers its own migrations; they run once, in version
/// order, the first time the database is opened. A released migration is never edited: add one.
/// </summary>
public interface ISqliteMigration
{
    int Version { get; }

    string Name { get; }

    string Sql { get; }
}
