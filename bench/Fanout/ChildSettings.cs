using System.Globalization;

namespace ConversationBot.Bench.Fanout;

/// <summary>What the driver tells a child: the fake's address, the database file, N, and the delivery settings under test.</summary>
internal sealed record ChildSettings(Uri GraphBaseUrl, string Database, int Subscribers, int Parallel, int? PageSize, int Seconds)
{
    public string[] Arguments(string mode) =>
    [
        mode, "--graph", GraphBaseUrl.ToString(), "--database", Database, "--subscribers", Text(Subscribers),
        "--parallel", Text(Parallel), "--page-size", PageSize is { } size ? Text(size) : "default", "--seconds", Text(Seconds),
    ];

    public static ChildSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name) => int.Parse(values[name], CultureInfo.InvariantCulture);
        return new ChildSettings(
            new Uri(values["graph"]), values["database"], Int("subscribers"), Int("parallel"),
            values["page-size"] == "default" ? null : Int("page-size"), Int("seconds"));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
