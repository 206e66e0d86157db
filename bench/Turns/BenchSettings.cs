using System.Globalization;

namespace ConversationBot.Bench.Turns;

/// <summary>Command-line settings: --seconds (per target), --warmup, --concurrency, --senders (webhook), --targets (ceiling,stock,ours,proactive,webhook), and for servers --port and --channel.</summary>
internal sealed record BenchSettings(int Seconds, int WarmupSeconds, int Concurrency, int Port, string? ChannelUrl, IReadOnlySet<string> Targets, int Senders)
{
    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var targets = (values.GetValueOrDefault("targets") ?? string.Join(',', AllTargets)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new BenchSettings(Int("seconds", 10), Int("warmup", 2), Int("concurrency", 32), Int("port", 0), values.GetValueOrDefault("channel"), targets.ToHashSet(StringComparer.OrdinalIgnoreCase), Int("senders", 16));
    }

    public static readonly string[] AllTargets = ["ceiling", "stock", "ours", "proactive", "webhook"];

    public string[] ServerArguments(string target, int port, string channelUrl) =>
        ["serve", target, "--port", port.ToString(CultureInfo.InvariantCulture), "--channel", channelUrl];
}
