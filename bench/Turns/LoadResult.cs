namespace ConversationBot.Bench.Turns;

/// <summary>What one target did under load, and the CPU its process spent while measured.</summary>
internal sealed record LoadResult(string Target, long Requests, long Failures, double Seconds, double P50Milliseconds, double P99Milliseconds, double PeakMegabytes, TimeSpan ServerCpu)
{
    public double PerSecond => Requests / Seconds;

    /// <summary>
    /// The server's CPU time per turn: steadier than turns per second on a machine shared with other
    /// work, because it does not count the time the server waited for a core.
    /// </summary>
    public double CpuMillisecondsPerTurn => Requests == 0 ? double.NaN : ServerCpu.TotalMilliseconds / Requests;

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
