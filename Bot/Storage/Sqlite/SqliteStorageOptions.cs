using System.ComponentModel.DataAnnotations;

namespace ConversationBot.Bot.Storage.Sqlite;

public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage:Sqlite";

    /// <summary>The database file; a relative path is resolved against the content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:Sqlite:Path must name the SQLite file.")]
    public string Path { get; init; } = "data/conversationbot.db";
}
