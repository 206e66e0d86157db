namespace ConversationBot.Repository;

/// <summary>
/// The repository's folder, found from the running assembly's folder upwards (the one with
/// ConversationBot.sln): the tests read the files the bot ships, the benchmarks start the bot from
/// its project. One file, linked into each project that needs it (Bot.Tests and each bench).
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string BotProject => System.IO.Path.Combine(Path, "Bot");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ConversationBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ConversationBot.sln not found above {AppContext.BaseDirectory}: run from inside the repository.");
    }
}
