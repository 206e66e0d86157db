using System.Globalization;
using ConversationBot.Bot.Storage.Cosmos;

namespace ConversationBot.Bench.Cost;

/// <summary>The tables the bench prints: per unit, ours beside the stock state pattern, the reference month, the goals.</summary>
internal static class Report
{
    public static void Units(IEnumerable<UnitCost> units)
    {
        Console.WriteLine();
        Console.WriteLine("| unit | samples | operations | writes | by kind | request KB | response KB | charged RU (test server) | estimated RU |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var unit in units)
        {
            Console.WriteLine(Invariant($"| {unit.Name} | {Samples(unit)} | {unit.Operations:0.##} | {unit.Writes:0.##} | {unit.ByKind()} | {unit.RequestBytes / 1024:0.##} | {unit.ResponseBytes / 1024:0.##} | {unit.Charged:0.##} | {unit.EstimatedUnits:0.##} |"));
        }
    }

    public static void Comparison(ChatCosts ours, ChatCosts stock)
    {
        Console.WriteLine();
        Console.WriteLine("The same turns with the stock Bot Framework state pattern (CosmosDbPartitionedStorage: a point read per key, an upsert per changed key, indexing off):");
        Console.WriteLine("| turn | ours: operations, est. RU | stock: operations, est. RU | stock / ours (RU) | state container only: ours, stock (est. RU) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (mine, theirs) in new[] { (ours.Opened, stock.Opened), (ours.NewConversation, stock.NewConversation), (ours.Steady, stock.Steady), (ours.Visit, stock.Visit) })
        {
            var mineState = mine.Only(CosmosContainers.State.Name);
            var theirState = theirs.Only(StockPartitionedStorage.ContainerName);
            Console.WriteLine(Invariant($"| {mine.Name} | {mine.Operations:0.##}, {mine.EstimatedUnits:0.##} | {theirs.Operations:0.##}, {theirs.EstimatedUnits:0.##} | {Ratio(theirs.EstimatedUnits, mine.EstimatedUnits)} | {mineState.EstimatedUnits:0.##} ({mineState.ByKind()}), {theirState.EstimatedUnits:0.##} ({theirState.ByKind()}) |"));
        }

        Console.WriteLine(Invariant($"State document after the dialog's {ours.StateAfterTurns} turns, as stored: ours {ours.StateBytes:N0} bytes, stock {stock.StateBytes:N0} bytes."));
        Console.WriteLine("Not seen here: the test server charges 1 per request whatever the indexing, and the estimate leaves indexing out. On Azure the stock container's writes " +
            "(indexing off) cost less than estimated, and so do ours: our containers index only the paths queried, nothing in state (Bot/Storage/Cosmos/CosmosContainers.cs).");
    }

    public static void Month(ChatCosts ours, ChatCosts stock, UnitCost delivery, UnitCost idle)
    {
        var month = ReferenceWorkload.Month(ours, delivery, idle);
        Console.WriteLine();
        Console.WriteLine(Invariant($"Reference workload, 30 days: {ReferenceWorkload.Customers:N0} customers x {ReferenceWorkload.TurnsPerDay} turns a day, one weekly campaign to {ReferenceWorkload.Subscribers:N0} subscribers; serverless at {ReferenceWorkload.UsdPerMillionUnits} USD per million RU"));
        Console.WriteLine("| unit | per month | how counted | est. RU each | est. RU per month |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (unit, count, why) in month)
        {
            Console.WriteLine(Invariant($"| {unit.Name} | {count:N0} | {why} | {unit.EstimatedUnits:0.##} | {count * unit.EstimatedUnits:N0} |"));
        }

        var total = ReferenceWorkload.Units(month);
        var stockTotal = ReferenceWorkload.Units(ReferenceWorkload.Month(ours, delivery, idle, stock));
        Console.WriteLine(Invariant($"| **total** | | | | **{total:N0} RU = {ReferenceWorkload.Usd(total):0.00} USD a month** |"));
        Console.WriteLine(Invariant($"With the stock state pattern for the turns (the rest as ours): {stockTotal:N0} RU = {ReferenceWorkload.Usd(stockTotal):0.00} USD a month ({Ratio(stockTotal, total)} ours)."));
    }

    public static void Goals(ChatCosts ours, UnitCost delivery)
    {
        var worstTurn = ours.Turns.Max(t => t.MaxWritesInASample);
        Console.WriteLine();
        Console.WriteLine("| goal | figure | met |");
        Console.WriteLine("|---|---|---|");
        Goal("steady turn <= 6 RU (estimated)", Invariant($"{ours.Steady.EstimatedUnits:0.##} RU"), ours.Steady.EstimatedUnits <= 6);
        Goal("any turn <= 2 writes", Invariant($"at most {worstTurn} in one turn ({string.Join(", ", ours.Turns.Select(t => $"{t.Name}: {t.MaxWritesInASample}"))})"), worstTurn <= 2);
        Goal("delivery <= 3 operations per message", Invariant($"{delivery.Operations:0.##} ({delivery.ByKind()})"), delivery.Operations <= 3);
        Goal("delivery <= 20 RU per message (estimated)", Invariant($"{delivery.EstimatedUnits:0.##} RU"), delivery.EstimatedUnits <= 20);
        Goal("state document <= 1.5 KB after the five-turn dialog", Invariant($"{ours.StateBytes:N0} bytes after {ours.StateAfterTurns} turns"), ours.StateBytes <= 1536 && ours.StateAfterTurns == ChatWorkload.Dialog.Length);
    }

    private static void Goal(string goal, string figure, bool met) => Console.WriteLine($"| {goal} | {figure} | {(met ? "met" : "NOT met")} |");

    private static string Samples(UnitCost unit) =>
        unit.Samples == 1 && Math.Abs(unit.Units - 1) > 1e-9 ? Invariant($"{unit.Units:0.##} units in one run") : unit.Samples.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => b == 0 ? "n/a" : Invariant($"{a / b:0.00}x");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
