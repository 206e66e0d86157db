using System.Diagnostics;
using System.Globalization;
using System.Net;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Tests.Storage.Cosmos;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Repository;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// One instance of a fleet, in a process of its own: the real host on the Cosmos DB test server with
/// the delivery service on (so it takes work items like any instance), seeding the topic (and a
/// warm-up topic) first when told. It answers the driver on stdin/stdout: <c>READY</c> with its address and instance id, then
/// <c>go</c> (the CPU clock starts) and <c>stop</c> (it reports its CPU time since <c>go</c> and exits).
/// </summary>
internal static class FleetInstance
{
    public const string AdminKey = "bench-admin-key-0123456789abcdef";

    /// <summary>A warm-up campaign's audience (another topic): every instance's first items are JIT-compiled before the measured campaign.</summary>
    public const int WarmUpSubscribers = 600;

    public static async Task<int> RunAsync(FleetChildSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = RepositoryRoot.BotProject, EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Cosmos:Endpoint"] = settings.CosmosEndpoint.ToString(),
            ["Cosmos:Key"] = CosmosServerProcess.Key,
            ["Cosmos:Database"] = settings.Database,
            ["Cosmos:ConnectionMode"] = "Gateway",
            ["Cosmos:LimitToEndpoint"] = "true",
            ["Logging:LogLevel:Default"] = "Error",

            // Production without an app id: the bench's channels are fakes on loopback (docs/security.md).
            ["Bot:AllowAnonymous"] = "true",
            ["Admin:ApiKey"] = AdminKey,
            ["Messenger:AppSecret"] = "bench-app-secret",
            ["Messenger:VerifyToken"] = "bench-verify-token",
            ["Messenger:PageAccessToken"] = "bench-page-access-token",
            ["Messenger:PageId"] = "1234567890",
            ["Messenger:GraphBaseUrl"] = settings.GraphBaseUrl.ToString(),
            ["Delivery:MessengerSendsPerSecond"] = "0",
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Delivery:MaxParallelSends"] = settings.Parallel.ToString(CultureInfo.InvariantCulture),
            ["Delivery:PageSize"] = settings.PageSize.ToString(CultureInfo.InvariantCulture),
        });
        builder.AddConversationBot();
        builder.Services.Configure<CosmosClientOptions>(options => options.HttpClientFactory = () => new HttpClient(new CosmosTestServerWorkarounds()));
        var app = builder.Build();
        app.ValidateSettings();
        app.MapConversationBot();
        await app.StartAsync();
        if (settings.Seed > 0)
        {
            await SeedAsync(app.Services.GetRequiredService<ISubscriptionStore>(), app.Services.GetRequiredService<TimeProvider>(), BenchBot.Topic, "token", settings.Seed);
            await SeedAsync(app.Services.GetRequiredService<ISubscriptionStore>(), app.Services.GetRequiredService<TimeProvider>(), BenchBot.WarmUpTopic, "warm", WarmUpSubscribers);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.WriteLine($"READY {address} {app.Services.GetRequiredService<DeliveryInstance>().Id}");
        var cpuAtGo = TimeSpan.Zero;
        while (Console.ReadLine() is { } command)
        {
            if (command == "go")
            {
                cpuAtGo = Process.GetCurrentProcess().TotalProcessorTime;
                Console.WriteLine("GO");
            }
            else if (command == "stop")
            {
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtGo).TotalSeconds;
                await app.StopAsync();
                ChildProcess.Report(new FleetInstanceResult(app.Services.GetRequiredService<DeliveryInstance>().Id, cpu));
                return 0;
            }
        }

        return 1;
    }

    private static async Task SeedAsync(ISubscriptionStore store, TimeProvider clock, string topic, string prefix, int count)
    {
        // Opted in three days before the host's now, as its eligibility rules will see it.
        var at = clock.GetUtcNow().AddDays(-3);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var subscription = Subscription.OptInOnMessenger(
                topic, null, $"{prefix}-psid-{i:D7}", $"{prefix}-{i:D7}", "Europe/Berlin", null, null, "Current", SubscriptionOrigin.RequestedByUs, at);
            if (!await store.TrySaveAsync(subscription, token))
            {
                throw new InvalidOperationException($"Subscriber {i} could not be seeded.");
            }
        });
    }
}
