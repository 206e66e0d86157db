using System.Diagnostics;
using System.Net;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Tests.Storage.Cosmos;
using ConversationBot.Repository;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Azure.Cosmos;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bench.Cost;

/// <summary>
/// The real host, built as Program.cs builds it (appsettings, AddConversationBot, ValidateSettings, MapConversationBot) in this process on
/// 127.0.0.1, with <c>Storage:Provider=Cosmos</c> on the test server (Gateway mode, this endpoint only),
/// the test server's workarounds and the <see cref="OperationMeter"/> on its one Cosmos client, and a
/// fake clock, so a "turn more than a minute later" and the poller's passes take no real time. With
/// <c>stockState</c> its conversation state goes through <see cref="StockPartitionedStorage"/> instead.
/// </summary>
internal sealed class CostHost : IAsyncDisposable
{
    /// <summary>The admin API's key for this run (at least 32 characters, as the host requires).</summary>
    public const string AdminKey = "bench-cost-admin-key-0123456789abcdef";

    /// <summary>A Monday, 10:00 UTC: inside every quiet-hours rule of the subscribers' Europe/Berlin.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private CostHost(WebApplication app, FakeTimeProvider clock, OperationMeter meter)
    {
        _app = app;
        Clock = clock;
        Meter = meter;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        Admin = new HttpClient { BaseAddress = new Uri(address) };
        Admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public FakeTimeProvider Clock { get; }

    public OperationMeter Meter { get; }

    public HttpClient Client { get; }

    public HttpClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    public CosmosDatabase Cosmos => Services.GetRequiredService<CosmosDatabase>();

    public TimeSpan PollInterval => Services.GetRequiredService<IOptions<DeliveryHostOptions>>().Value.PollInterval;

    /// <summary>How often the Messenger inbox sweep looks for events a stopped host left (Bot/Messenger/Turns/MessengerInboxSweep.cs).</summary>
    public TimeSpan TurnLease => Services.GetRequiredService<IOptions<MessengerOptions>>().Value.TurnLease;

    public static async Task<CostHost> StartAsync(CosmosServerProcess server, string database, Uri graphBaseUrl, bool stockState, bool verbose, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Start);
        var meter = new OperationMeter();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = RepositoryRoot.BotProject, EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Cosmos:Endpoint"] = server.Endpoint.ToString(),
            ["Cosmos:Key"] = CosmosServerProcess.Key,
            ["Cosmos:Database"] = database,
            ["Cosmos:ConnectionMode"] = "Gateway",
            ["Cosmos:LimitToEndpoint"] = "true",
            ["Logging:LogLevel:Default"] = verbose ? "Warning" : "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = verbose ? "Warning" : "Error",

            // Production without an app id: the bench's channels are fakes on loopback (docs/security.md).
            ["Bot:AllowAnonymous"] = "true",
            ["Admin:ApiKey"] = AdminKey,
            ["Messenger:AppSecret"] = "bench-app-secret",
            ["Messenger:VerifyToken"] = "bench-verify-token",
            ["Messenger:PageAccessToken"] = "bench-page-access-token",
            ["Messenger:PageId"] = "1234567890",
            ["Messenger:GraphBaseUrl"] = graphBaseUrl.ToString(),

            // No per-page rate limit: its waits run on the clock, which only the bench moves (production default 250/s).
            ["Delivery:MessengerSendsPerSecond"] = "0",

            // No quiet hours: the bench measures sending, not waiting for the subscribers' morning.
            ["Delivery:QuietHours:Start"] = "00:00",
            ["Delivery:QuietHours:End"] = "00:00",
        });
        builder.AddConversationBot();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.Configure<CosmosClientOptions>(options =>
        {
            options.HttpClientFactory = () => new HttpClient(new CosmosTestServerWorkarounds());
            options.CustomHandlers.Add(meter);
        });
        if (stockState)
        {
            builder.Services.AddSingleton<IStorage>(services => new StockPartitionedStorage(services.GetRequiredService<CosmosDatabase>().Database.GetContainer(StockPartitionedStorage.ContainerName)));
        }

        var app = builder.Build();
        app.ValidateSettings();
        app.MapConversationBot();
        await app.StartAsync(cancellationToken);
        var host = new CostHost(app, clock, meter);
        if (stockState)
        {
            await StockPartitionedStorage.CreateContainerAsync(host.Cosmos.Database, cancellationToken);
        }

        return host;
    }

    /// <summary>Waits until no operation has been sent for <paramref name="quiet"/> (background work finished), at most 10 s.</summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var seen = Meter.Count;
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(quiet, cancellationToken);
            if (Meter.Count == seen)
            {
                return;
            }

            seen = Meter.Count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
