using System.Diagnostics;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// Waits for a host's background work (the delivery service) to reach a point. The bound is real
/// elapsed time, measured with a stopwatch: it only keeps a broken test from hanging, and no rule
/// under test depends on it.
/// </summary>
public static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, Func<T, string> failure, Action? betweenPolls = null)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(elapsed.Elapsed < timeout, failure(value));
            await Task.Delay(TimeSpan.FromMilliseconds(10));
            betweenPolls?.Invoke();
        }
    }
}
