using System.Net;
using ConversationBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// The real bot host (Program.cs) on Kestrel on 127.0.0.1 and a free port, talked to over real
/// HTTP. Settings override appsettings.json; a host can be stopped and another started on the same
/// database file to show nothing is lost.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private BotHost(WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Now, by the clock the host runs on (a test's fake clock, or the system's).</summary>
    public DateTimeOffset Now() => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <param name="port">A port chosen beforehand, for a host whose settings name its own address (the Marketing Messages stand-in); 0: any free one.</param>
    public static BotHost Start(string databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? replaceServices = null, string environment = "Testing", int port = 0)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = databasePath,
            ["Logging:LogLevel:Default"] = "Warning",

            // "Testing" is not Development: without an app id the host starts only when told to accept
            // unauthenticated requests, as an operator would have to (Bot/BotFramework/BotCredentialsValidation.cs).
            // The fake channels listen on loopback, which is all an anonymous bot replies to.
            ["Bot:AllowAnonymous"] = "true",

            // No quiet hours (Delivery:QuietHours, 21:00-08:00 by default): a host on the system clock would
            // send or wait depending on the hour the suite runs at. Tests of the quiet hours set them
            // (Bot.Tests/EndToEnd/CampaignTimingTests.cs).
            ["Delivery:QuietHours:Start"] = "00:00",
            ["Delivery:QuietHours:End"] = "00:00",
        };

        // Open around the clock, for the same reason (Bot.Tests/Support/ShopHours.cs).
        foreach (var (key, value) in ShopHours.AlwaysOpen)
        {
            all[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseContentRoot(RepositoryPaths.BotProject);
            web.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(all));

            // Also as host settings: those reach the builder's configuration before Program registers
            // services, for the settings read then (Storage:Provider picks the back end's registrations).
            foreach (var (key, value) in all)
            {
                web.UseSetting(key, value);
            }

            if (replaceServices is not null)
            {
                web.ConfigureTestServices(replaceServices);
            }
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BotHost(factory, new Uri(address));
    }

    /// <summary>A loopback port free at this moment, for <see cref="Start"/>'s <c>port</c>.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
