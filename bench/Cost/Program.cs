using ConversationBot.Repository;
using System.Diagnostics;
using ConversationBot.Bench.Cost;
using ConversationBot.Bench.Fanout;

// bench/cost: `dotnet run -c Release --project bench/Cost [-- --customers 75 --turns-per-customer 5 --subscribers 400]`.
// Starts the Cosmos DB test server, runs the real host in this process on it, drives the reference
// workload at a small scale, and prints what each unit costs, the month of the reference workload,
// the stock state pattern beside ours, and the goals (docs/cost.md).
var settings = CostSettings.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// Without this the SDK asks the Azure instance-metadata address (169.254.169.254) for the VM's identity; the bench stays on loopback.
Environment.SetEnvironmentVariable("COSMOS_DISABLE_IMDS_ACCESS", "true");
var clock = Stopwatch.StartNew();
await using var server = await CosmosServerProcess.StartAsync(settings.Verbose, stop.Token);
await using var channel = await ReplyChannel.StartAsync(stop.Token);
await using var graph = await FakeGraphApi.StartAsync();
Console.WriteLine($"bench/cost: {settings.Customers} customers x {settings.TurnsPerCustomer} turns (\"{string.Join("\", \"", ChatWorkload.Dialog)}\"), {settings.Sampled} of them also for the other turns, " +
    $"a campaign to {settings.Subscribers:N0} Messenger subscribers; the real host on the Cosmos DB test server at {server.Endpoint} (it charges 1 RU per request; " +
    "the estimate is bench/Cost/RequestUnitModel.cs, docs/cost.md)");

ChatCosts ours;
UnitCost idle;
UnitCost delivery;
await using (var host = await CostHost.StartAsync(server, "cost" + Guid.NewGuid().ToString("N"), graph.BaseUrl, stockState: false, settings.Verbose, stop.Token))
{
    ours = await ChatWorkload.RunAsync(host, channel, settings, everyUnit: true, stop.Token);
    Console.WriteLine($"  ours: {ours.Turns.Sum(t => t.Samples)} turns measured ({clock.Elapsed.TotalSeconds:F0} s)");
    idle = await DeliveryWorkload.IdleAsync(host, stop.Token);
    await DeliveryWorkload.SeedAsync(host, settings.Subscribers, stop.Token);
    delivery = await DeliveryWorkload.CampaignAsync(host, graph, settings.Subscribers, settings.Verbose, stop.Token);
    Console.WriteLine($"  campaign: {delivery.Units:N0} sent, each token once ({clock.Elapsed.TotalSeconds:F0} s)");
}

ChatCosts stock;
await using (var host = await CostHost.StartAsync(server, "stock" + Guid.NewGuid().ToString("N"), graph.BaseUrl, stockState: true, settings.Verbose, stop.Token))
{
    stock = await ChatWorkload.RunAsync(host, channel, settings, everyUnit: false, stop.Token);
    Console.WriteLine($"  stock state pattern: {stock.Turns.Sum(t => t.Samples)} turns measured ({clock.Elapsed.TotalSeconds:F0} s)");
}

Report.Units([.. ours.Turns, ours.CountsFlushed, delivery, idle]);
Report.Comparison(ours, stock);
Report.Month(ours, stock, delivery, idle);
Report.Goals(ours, delivery);
Console.WriteLine();
Console.WriteLine($"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {clock.Elapsed.TotalSeconds:F0} s");
return 0;
