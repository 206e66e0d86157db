using System.Globalization;

namespace ConversationBot.Bot.Tests.Notifications.StopRate;

/// <summary>
/// A month of one topic's opt-ins and stops (<c>Samples/stop-rate-month.csv</c>, written by
/// <c>Samples/make-trace.py</c>), and the pauses a series of guard decisions makes of it.
/// </summary>
public static class StopRateTrace
{
    public static IReadOnlyList<(DateTimeOffset At, bool IsStop)> Read() =>
    [
        .. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Notifications", "StopRate", "Samples", "stop-rate-month.csv"))
            .Select(line => line.Split(','))
            .Select(parts => (DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), parts[1] switch
            {
                "stop" => true,
                "optin" => false,
                _ => throw new FormatException($"not an event kind: {parts[1]}"),
            })),
    ];

    /// <summary>Each stretch of paused decisions: from the first paused one to the first that is not (or the last decision).</summary>
    public static List<(DateTimeOffset Start, DateTimeOffset End)> Pauses(IReadOnlyList<(DateTimeOffset At, bool Paused)> decisions)
    {
        var pauses = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        DateTimeOffset? start = null;
        foreach (var (at, paused) in decisions)
        {
            if (paused && start is null)
            {
                start = at;
            }
            else if (!paused && start is { } began)
            {
                pauses.Add((began, at));
                start = null;
            }
        }

        if (start is { } open)
        {
            pauses.Add((open, decisions[^1].At));
        }

        return pauses;
    }
}
