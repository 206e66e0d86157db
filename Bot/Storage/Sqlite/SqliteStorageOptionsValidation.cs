using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>The SQLite settings: their declared requirements, named by full key.</summary>
public sealed class SqliteStorageOptionsValidation() : SettingsValidator<SqliteStorageOptions>(SqliteStorageOptions.SectionName);
