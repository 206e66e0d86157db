using System.Globalization;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// This process's memory high-water marks: VmHWM (the most resident memory it ever had, from the
/// kernel) and the largest managed heap seen by sampling every 20 ms (the GC's own view, which
/// the native SQLite cache and the runtime itself do not inflate).
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _heapPeak;

    public PeakMemory() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

    public double HeapPeakMegabytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _heapPeak) / (1024.0 * 1024.0);
        }
    }

    public static double ResidentPeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (heap > (seen = Interlocked.Read(ref _heapPeak)) && Interlocked.CompareExchange(ref _heapPeak, heap, seen) != seen)
        {
        }
    }
}
