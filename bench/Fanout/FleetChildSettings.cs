using System.Globalization;

namespace ConversationBot.Bench.Fanout;

/// <summary>What the fleet driver tells an instance: the store, the fake's address, how many subscribers to seed (0: none), and the delivery settings.</summary>
internal sealed record FleetChildSettings(Uri CosmosEndpoint, string Database, Uri GraphBaseUrl, int Seed, int Parallel, int PageSize)
{
    public string[] Arguments() =>
    [
        "instance", "--cosmos", CosmosEndpoint.ToString(), "--database", Database, "--graph", GraphBaseUrl.ToString(),
        "--seed", Text(Seed), "--parallel", Text(Parallel), "--page-size", Text(PageSize),
    ];

    public static FleetChildSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name) => int.Parse(values[name], CultureInfo.InvariantCulture);
        return new FleetChildSettings(new Uri(values["cosmos"]), values["database"], new Uri(values["graph"]), Int("seed"), Int("parallel"), Int("page-size"));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
