namespace ConversationBot.Bench.Fanout;

internal sealed record RunResult(
    int Subscribers, string Status, string Outcomes, long Sent, long Skipped, long Failed, double Seconds, double CpuSeconds,
    double ResidentPeakMegabytes, double HeapPeakMegabytes, int PageSize, int MaxParallelSends)
{
    public double PerSecond => Sent / Seconds;

    /// <summary>This process's CPU time per delivery: less noisy than the rate on a shared machine.</summary>
    public double CpuMicroseconds => CpuSeconds * 1e6 / Math.Max(1, Sent);
}
