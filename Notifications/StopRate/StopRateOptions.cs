namespace ConversationBot.Notifications.StopRate;

/// <summary><c>Notifications:StopRate</c>: when too many people stop a topic, new offers of it pause.</summary>
public sealed class StopRateOptions
{
    /// <summary>The longest <see cref="Window"/>: the counts of every hour of it are kept (Cosmos DB: in one document of hourly slots, about 17 KB at this length).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    /// <summary>The sliding window over which stops and opt-ins are counted.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Stops per opt-in above which offers pause (0.25 = more than one stop per four opt-ins).</summary>
    public double Threshold { get; set; } = 0.25;

    /// <summary>Opt-ins plus stops needed before the ratio means anything.</summary>
    public int MinimumSample { get; set; } = 20;

    public IEnumerable<string> Problems(string section)
    {
        if (Window <= TimeSpan.Zero || Window > MaxWindow)
        {
            yield return $"{section}:Window must be positive and at most {MaxWindow.TotalDays:0} days";
        }

        if (double.IsNaN(Threshold) || Threshold < 0)
        {
            yield return $"{section}:Threshold must be zero or more";
        }

        if (MinimumSample < 1)
        {
            yield return $"{section}:MinimumSample must be at least 1";
        }
    }
}
