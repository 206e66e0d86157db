using System.Globalization;

namespace ConversationBot.Bench.Cost;

/// <summary>
/// --customers (conversations driven through the dialog, each with its own Emulator customer),
/// --turns-per-customer (the dialog's length; past five it goes round the menu again), --subscribers
/// (Messenger subscribers the measured campaign goes to), --verbose (the host's warnings and the server's output).
/// </summary>
internal sealed record CostSettings(int Customers, int TurnsPerCustomer, int Subscribers, bool Verbose)
{
    /// <summary>The customers who also open "my notifications", accept an opt-in, come back after a pause: enough for a mean, few enough to stay quick.</summary>
    public int Sampled => Math.Min(Customers, 20);

    public static CostSettings Parse(string[] args)
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

        int Int(string name, int fallback, int min) =>
            values.TryGetValue(name, out var v) ? Math.Max(min, int.Parse(v.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)) : fallback;

        return new CostSettings(Int("customers", 75, 1), Int("turns-per-customer", 5, 2), Int("subscribers", 400, 1), flags.Contains("verbose"));
    }
}
