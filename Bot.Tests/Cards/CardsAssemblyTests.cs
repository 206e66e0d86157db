using ConversationBot.Cards;

namespace ConversationBot.Bot.Tests.Cards;

public class CardsAssemblyTests
{
    [Fact]
    public void Cards_use_no_bot_framework_or_json_package()
    {
        // Cards are plain System.Text.Json so they outlive the archived Bot Framework SDK.
        var referenced = typeof(AdaptiveCard).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        Assert.DoesNotContain(referenced, name => name.StartsWith("Microsoft.Bot", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name.StartsWith("Newtonsoft", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name.StartsWith("AdaptiveCards", StringComparison.Ordinal));
    }
}
