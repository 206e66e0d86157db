using System.Globalization;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// What the driver tells a child: the fake's address, the database file, N, and the delivery settings under test;
/// the product the subscribers are routed to, and for Marketing Messages the Meta campaign the raw baseline sends through.
/// </summary>
internal sealed record ChildSettings(Uri GraphBaseUrl, string Database, int Subscribers, int Parallel, int? PageSize, int Seconds, DeliveryProduct Product = DeliveryProduct.SendApi, string? MetaCampaignId = null)
{
    public string[] Arguments(string mode) =>
    [
        mode, "--graph", GraphBaseUrl.ToString(), "--database", Database, "--subscribers", Text(Subscribers),
        "--parallel", Text(Parallel), "--page-size", PageSize is { } size ? Text(size) : "default", "--seconds", Text(Seconds),
        "--product", Product.ToString(), "--meta-campaign", MetaCampaignId ?? "none",
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
            values["page-size"] == "default" ? null : Int("page-size"), Int("seconds"),
            Enum.Parse<DeliveryProduct>(values["product"]), values["meta-campaign"] == "none" ? null : values["meta-campaign"]);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
