using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.Hosting;

/// <summary>The published bot with wrong settings stops before it serves anything and says, at once, every setting that is wrong.</summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Every_wrong_setting_is_named_at_once_on_a_line_of_its_own_without_a_stack_trace()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot:AllowAnonymous"] = "false",
            ["Admin:ApiKey"] = "too-short",
            ["Messenger:TurnLease"] = "00:00:00",
            ["Delivery:PollInterval"] = "00:00:00",
            ["Storage:Sqlite:Path"] = _database.FilePath,
        }));

        Assert.Contains("ConversationBot did not start: its settings are wrong", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  - MicrosoftAppId is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  - Admin:ApiKey is shorter than 32 characters", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  - Messenger:TurnLease", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  - Delivery:PollInterval must be positive", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failure.Message, StringComparison.Ordinal);
    }
}
