using ConversationBot.Notifications.Delivery;
using ConversationBot.Repository;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// Driver settings: --subscribers (comma-separated N), --stretch (adds 1,000,000), --parallel and
/// --page-size (Delivery:MaxParallelSends and Delivery:PageSize; the bot's defaults when absent),
/// --raw-seconds (the baseline's measured time), --verbose (echo the children's logs);
/// --instances (comma-separated fleet sizes: the fleet comparison on Cosmos DB instead) with
/// --fleet-subscribers (its campaign's size, default 2,000); --marketing-messages (US subscribers through
/// Marketing Messages against the local stand-in instead of German ones through the Send API).
/// </summary>
internal sealed record FanoutSettings(IReadOnlyList<int> Subscribers, int Parallel, int? PageSize, int RawSeconds, bool Verbose, IReadOnlyList<int> Instances, int FleetSubscribers, DeliveryProduct Product = DeliveryProduct.SendApi)
{
    public static FanoutSettings Parse(string[] args)
    {
        var arguments = new BenchArguments(args);
        var subscribers = arguments.Ints("subscribers", "10000,100000");
        if (arguments.Has("stretch") && !subscribers.Contains(1_000_000))
        {
            subscribers.Add(1_000_000);
        }

        return new FanoutSettings(
            subscribers,
            arguments.Int("parallel") ?? new DeliveryOptions().MaxParallelSends,
            arguments.Int("page-size"),
            arguments.Int("raw-seconds") ?? 5,
            arguments.Has("verbose"),
            arguments.Ints("instances"),
            arguments.Int("fleet-subscribers") ?? 2000,
            arguments.Has("marketing-messages") ? DeliveryProduct.MarketingMessages : DeliveryProduct.SendApi);
    }
}
