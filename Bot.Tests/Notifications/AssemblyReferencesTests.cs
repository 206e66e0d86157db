using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications;

public class AssemblyReferencesTests
{
    [Fact]
    public void The_Notifications_assembly_references_nothing_but_the_base_class_library()
    {
        var referenced = typeof(Topic).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.True(
            name is "netstandard" or "mscorlib" || name == "System" || name.StartsWith("System.", StringComparison.Ordinal),
            $"{name} is not part of the BCL"));
    }
}
