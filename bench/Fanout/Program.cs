using ConversationBot.Bench.Fanout;

// bench/fanout: `dotnet run -c Release --project bench/Fanout [-- --subscribers 10000,100000 --stretch]`;
// `-- --instances 1,2 [--fleet-subscribers 2000]`: one campaign on the Cosmos DB test server by one, then two instances.
// The same executable is started again as a child for each step (`seed`, `run`, `raw`), so the
// fan-out of each N runs alone in its own process and its peak memory is its own; the fake Graph
// API stays in this (driver) process for the whole run, so the raw POSTs and the runner's sends
// cross the same process boundary to the same server.
return args switch
{
    ["seed", ..] => await Seeder.RunAsync(ChildSettings.Parse(args[1..])),
    ["run", ..] => await FanoutRun.RunAsync(ChildSettings.Parse(args[1..])),
    ["raw", ..] => await RawPostRate.RunAsync(ChildSettings.Parse(args[1..])),
    ["instance", ..] => await FleetInstance.RunAsync(FleetChildSettings.Parse(args[1..])),
    _ when FanoutSettings.Parse(args) is { Instances.Count: > 0 } fleet => await FleetDriver.RunAsync(fleet),
    _ => await Driver.RunAsync(FanoutSettings.Parse(args)),
};
