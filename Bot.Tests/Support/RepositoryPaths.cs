using ConversationBot.Repository;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>Where the tests find the files the bot ships (<see cref="RepositoryRoot"/> locates the repository).</summary>
public static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string BotProject => RepositoryRoot.BotProject;
}
