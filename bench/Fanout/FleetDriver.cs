using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConversationBot.Repository;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// <c>--instances 1,2</c>: one campaign on the Cosmos DB test server worked by one instance, then by two
/// (each a process of its own, the delivery service on, as in App Service scale-out), against the same
/// fake Graph API; deliveries per second, CPU per delivery (all instances' processes together) and the
/// split per instance, printed side by side. Each run seeds a database of its own (not measured).
/// </summary>
internal static class FleetDriver
{
    public static async Task<int> RunAsync(FanoutSettings settings)
    {
        var c = CultureInfo.InvariantCulture;
        await using var server = await CosmosServerProcess.StartAsync(settings.Verbose, CancellationToken.None);
        await using var graph = await FakeGraphApi.StartAsync();
        var n = settings.FleetSubscribers;
        var pageSize = settings.PageSize ?? 100;
        Console.WriteLine(string.Create(c, $"bench/fanout --instances: one campaign to {n:N0} Messenger subscribers on the Cosmos DB test server (one Node.js process), page size {pageSize}, {settings.Parallel} sends in flight per instance, unlimited rate; {Environment.ProcessorCount} cores shared by everything"));
        var rows = new List<(int Instances, double Seconds, double CpuSeconds, string Split, bool ExactlyOnce)>();
        foreach (var instances in settings.Instances)
        {
            var database = "fleet" + Guid.NewGuid().ToString("N")[..12];
            var children = new List<FleetChild>();
            try
            {
                var seeding = Stopwatch.StartNew();
                children.Add(await FleetChild.StartAsync(new FleetChildSettings(server.Endpoint, database, graph.BaseUrl, n, settings.Parallel, pageSize)));
                Console.WriteLine(string.Create(c, $"  {instances} instance(s): seeded {n:N0} in {seeding.Elapsed.TotalSeconds:F1} s (not measured)"));
                for (var i = 1; i < instances; i++)
                {
                    children.Add(await FleetChild.StartAsync(new FleetChildSettings(server.Endpoint, database, graph.BaseUrl, 0, settings.Parallel, pageSize)));
                }

                using var admin = new HttpClient { BaseAddress = children[0].Address };
                admin.DefaultRequestHeaders.Add("X-Api-Key", FleetInstance.AdminKey);
                await RunCampaignAsync(admin, BenchBot.WarmUpTopic);
                graph.Reset();
                foreach (var child in children)
                {
                    await child.GoAsync();
                }

                var started = Stopwatch.StartNew();
                var campaign = await RunCampaignAsync(admin, BenchBot.Topic);
                var seconds = started.Elapsed.TotalSeconds;
                var shares = campaign["progress"]!["instances"]!.AsArray().ToDictionary(s => s!["instance"]!.GetValue<string>(), s => s!["sent"]!.GetValue<long>());
                var cpu = 0.0;
                foreach (var child in children)
                {
                    cpu += (await child.StopAsync()).CpuSeconds;
                }

                var split = string.Join(" / ", children.Select(ch => shares.GetValueOrDefault(ch.InstanceId).ToString("N0", c)));
                var once = graph.PerToken.Count == n && graph.PerToken.Values.All(v => v == 1) && graph.Requests == n;
                Console.WriteLine(string.Create(c, $"  {instances} instance(s): {n:N0} in {seconds:F1} s = {n / seconds:F0}/s, CPU {1e6 * cpu / n:F0} µs per delivery, split {split}{(once ? "" : " (NOT exactly once)")}"));
                rows.Add((instances, seconds, cpu, split, once));
            }
            finally
            {
                foreach (var child in children)
                {
                    await child.DisposeAsync();
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{"instances",10} {"deliveries/s",13} {"CPU µs/delivery",16} {"run s",7}  split per instance"));
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(c, $"{row.Instances,10} {n / row.Seconds,13:F0} {1e6 * row.CpuSeconds / n,16:F0} {row.Seconds,7:F1}  {row.Split}"));
        }

        Console.WriteLine("after a warm-up campaign to another topic on the same instances (not measured);");
        Console.WriteLine("CPU µs/delivery: the instances' processes together (the Cosmos DB test server and the fake Graph API not included), from the campaign's creation to its completion");
        return rows.All(r => r.ExactlyOnce) ? 0 : 1;
    }

    /// <summary>Creates a campaign through the first instance's admin API and waits until it completes.</summary>
    private static async Task<JsonObject> RunCampaignAsync(HttpClient admin, string topic)
    {
        var started = Stopwatch.StartNew();
        using var created = await admin.PostAsJsonAsync("/api/admin/campaigns", new { topic, text = "This week's deals: 20% off all tents until Sunday." });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        JsonObject campaign;
        do
        {
            await Task.Delay(50);
            campaign = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/campaigns/{Uri.EscapeDataString(id)}"))!;
        }
        while (campaign["status"]!.GetValue<string>() != "Completed" && started.Elapsed < TimeSpan.FromMinutes(10));
        return campaign;
    }
}
