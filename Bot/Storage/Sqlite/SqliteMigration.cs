namespace ConversationBot.Bot.Storage.Sqlite;

public sealed record SqliteMigration(int Version, string Name, string Sql) : ISqliteMigration;
