namespace ConversationBot.Bench.Fanout;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string BotProject => System.IO.Path.Combine(Path, "Bot");

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ConversationBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
