namespace ConversationBot.Bench.Turns;

/// <summary>What one target did under load.</summary>
internal sealed record LoadResult(string Target, long Requests, long Failures, double Seconds, double P50Milliseconds, double P99Milliseconds, double PeakMegabytes)
{
    public double PerSecond => Requests / Seconds;

    public static (double P50, double P99) Percentiles(List<double> latencies)
    {
        if (latencies.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        latencies.Sort();
        return (latencies[(int)(latencies.Count * 0.50)], latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))]);
    }
}
