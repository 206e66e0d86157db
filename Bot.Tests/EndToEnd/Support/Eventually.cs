namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>Waits for what a host's background work makes true (a flush, a write), checking every 20 ms for up to 10 s.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(20, patience.Token);
        }
    }
}
