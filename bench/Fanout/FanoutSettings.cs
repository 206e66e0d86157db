using System.Globalization;
using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// Driver settings: --subscribers (comma-separated N), --stretch (adds 1,000,000), --parallel and
/// --page-size (Delivery:MaxParallelSends and Delivery:PageSize; the bot's defaults when absent),
/// --raw-seconds (the baseline's measured time), --verbose (echo the children's logs);
/// --instances (comma-separated fleet sizes: the fleet comparison on Cosmos DB instead) with
/// --fleet-subscribers (its campaign's size, default 2,000).
/// </summary>
internal sealed record FanoutSettings(IReadOnlyList<int> Subscribers, int Parallel, int? PageSize, int RawSeconds, bool Verbose, IReadOnlyList<int> Instances, int FleetSubscribers)
{
    public static FanoutSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[name] = args[++i];
            }
            else
            {
                flags.Add(name);
            }
        }

        int? Int(string name) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        var subscribers = (values.GetValueOrDefault("subscribers") ?? "10000,100000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture))
            .ToList();
        if (flags.Contains("stretch") && !subscribers.Contains(1_000_000))
        {
            subscribers.Add(1_000_000);
        }

        var instances = (values.GetValueOrDefault("instances") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .ToList();
        return new FanoutSettings(
            subscribers, Int("parallel") ?? new DeliveryOptions().MaxParallelSends, Int("page-size"), Int("raw-seconds") ?? 5, flags.Contains("verbose"), instances, Int("fleet-subscribers") ?? 2000);
    }
}
