using ConversationBot.Repository;

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
        var arguments = new BenchArguments(args);
        int Int(string name, int fallback, int min) => arguments.Int(name) is { } value ? Math.Max(min, value) : fallback;

        return new CostSettings(Int("customers", 75, 1), Int("turns-per-customer", 5, 2), Int("subscribers", 400, 1), arguments.Has("verbose"));
    }
}
