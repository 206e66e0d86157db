namespace ConversationBot.Bot.Tests.Support;

/// <summary>Finds the repository from the test assembly's folder, so tests read the same files the bot ships.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string BotProject => Path.Combine(Root, "Bot");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConversationBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ConversationBot.sln not found above " + AppContext.BaseDirectory);
    }
}
