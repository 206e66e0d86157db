namespace ConversationBot.Bench.Fanout;

internal sealed record RawResult(long Posts, long Failures, double Seconds, double CpuSeconds, int Concurrency)
{
    public double PerSecond => Posts / Seconds;

    public double CpuMicroseconds => CpuSeconds * 1e6 / Math.Max(1, Posts);
}
