using System.Security.Claims;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Security;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Rest;

namespace ConversationBot.Bot.Tests.BotFramework;

/// <summary>Connector clients are built once per (app id, service URL, audience) and shared by every turn.</summary>
public sealed class ConnectorReuseTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private FakeChannel _first = null!;
    private FakeChannel _second = null!;

    public async Task InitializeAsync()
    {
        _first = await FakeChannel.StartAsync();
        _second = await FakeChannel.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_hundred_turns_on_one_service_url_build_one_connector_client()
    {
        await using var bot = BotHost.Start(_database.FilePath);
        var cache = bot.Services.GetRequiredService<ConnectorClientCache>();
        var emulator = new EmulatorClient(bot, _first);

        for (var turn = 0; turn < 100; turn++)
        {
            Assert.NotEmpty(await emulator.SayAndReadAsync(turn % 2 == 0 ? "hi" : "banana"));
        }

        Assert.Equal(1, cache.ClientsCreated);
    }

    [Fact]
    public async Task Interleaved_conversations_on_two_service_urls_each_get_their_own_replies()
    {
        await using var bot = BotHost.Start(_database.FilePath);
        var onFirst = new EmulatorClient(bot, _first);
        var onSecond = new EmulatorClient(bot, _second, locale: "de-DE");

        for (var round = 0; round < 5; round++)
        {
            Assert.Equal("How can I help you?", (await onFirst.SayAndReadAsync("start over"))[^1].Text);
            Assert.Equal("Wie kann ich dir helfen?", (await onSecond.SayAndReadAsync("von vorne"))[^1].Text);
        }

        Assert.All(_first.All, received => Assert.Equal(onFirst.ConversationId, received.ConversationId));
        Assert.All(_second.All, received => Assert.Equal(onSecond.ConversationId, received.ConversationId));
        Assert.Equal(2, bot.Services.GetRequiredService<ConnectorClientCache>().ClientsCreated);
    }

    [Fact]
    public async Task A_service_url_that_fails_does_not_poison_the_others()
    {
        await using var bot = BotHost.Start(_database.FilePath);
        var broken = new EmulatorClient(bot, _first);
        var healthy = new EmulatorClient(bot, _second);
        _first.StatusCode = 503;

        using var failed = await broken.SayAsync("hi");
        var replies = await healthy.SayAndReadAsync("hi");

        Assert.Equal("How can I help you?", Assert.Single(replies).Text);
        _first.StatusCode = 200;
        Assert.NotEmpty(await broken.SayAndReadAsync("hi"));
    }

    [Fact]
    public async Task With_an_app_id_the_credentials_are_built_once_and_never_shared_with_another_app()
    {
        var credentials = new CountingCredentialsFactory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "app-one",
            ["MicrosoftAppPassword"] = "secret",
        }).Build();
        using var cache = NewCache(new FakeTimeProvider());
        var authentication = new ConnectorReusingAuthentication(
            new ConfigurationBotFrameworkAuthentication(configuration, credentials), cache, new ServiceUrlPolicy(Options.Create(new BotOptions()), configuration));

        var clients = new List<IConnectorClient>();
        for (var turn = 0; turn < 100; turn++)
        {
            clients.Add(await authentication.CreateConnectorFactory(IdentityOf("app-one")).CreateAsync(_first.ServiceUrl.ToString(), null!, CancellationToken.None));
        }

        var otherApp = await authentication.CreateConnectorFactory(IdentityOf("app-two")).CreateAsync(_first.ServiceUrl.ToString(), null!, CancellationToken.None);

        Assert.Equal(["app-one", "app-two"], credentials.AppIds);
        Assert.Single(clients.Select(c => c.Credentials).Distinct());
        Assert.NotSame(clients[0].Credentials, otherApp.Credentials);
    }

    [Fact]
    public async Task Idle_clients_age_out_and_the_count_stays_bounded()
    {
        var time = new FakeTimeProvider();
        using var cache = NewCache(time, maxClients: 2, idle: TimeSpan.FromMinutes(10));
        var built = 0;
        Task<IConnectorClient> Create(CancellationToken _)
        {
            built++;
            return Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri("http://127.0.0.1:9"), MicrosoftAppCredentials.Empty));
        }

        foreach (var port in new[] { 5001, 5002, 5003, 5004 })
        {
            await cache.GetOrCreateAsync(new ConnectorKey(string.Empty, $"http://127.0.0.1:{port}", string.Empty), Create, CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(2, cache.Count);
        await cache.GetOrCreateAsync(new ConnectorKey(string.Empty, "http://127.0.0.1:5004", string.Empty), Create, CancellationToken.None);
        Assert.Equal(4, built);

        time.Advance(TimeSpan.FromMinutes(11));
        await cache.GetOrCreateAsync(new ConnectorKey(string.Empty, "http://127.0.0.1:5005", string.Empty), Create, CancellationToken.None);
        await cache.GetOrCreateAsync(new ConnectorKey(string.Empty, "http://127.0.0.1:5006", string.Empty), Create, CancellationToken.None);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task A_client_that_could_not_be_built_is_tried_again_next_time()
    {
        using var cache = NewCache(new FakeTimeProvider());
        var key = new ConnectorKey(string.Empty, "http://127.0.0.1:5001", string.Empty);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrCreateAsync(key, _ => throw new InvalidOperationException("no credentials"), CancellationToken.None));
        var client = await cache.GetOrCreateAsync(key, _ => Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri("http://127.0.0.1:5001"), MicrosoftAppCredentials.Empty)), CancellationToken.None);

        Assert.NotNull(client);
        Assert.Equal(2, cache.ClientsCreated);
    }

    private static ConnectorClientCache NewCache(TimeProvider time, int maxClients = 100, TimeSpan? idle = null) =>
        new(Options.Create(new ConnectorCacheOptions { MaxClients = maxClients, IdleTimeout = idle ?? TimeSpan.FromMinutes(30) }), time, NullLogger<ConnectorClientCache>.Instance);

    private static ClaimsIdentity IdentityOf(string appId) =>
        new([new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)]);

    /// <summary>Builds real app credentials (no token is requested until a send) and records for which app.</summary>
    private sealed class CountingCredentialsFactory : ServiceClientCredentialsFactory
    {
        public List<string> AppIds { get; } = [];

        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => Task.FromResult(true);

        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => Task.FromResult(false);

        public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken)
        {
            lock (AppIds)
            {
                AppIds.Add(appId);
            }

            return Task.FromResult<ServiceClientCredentials>(new MicrosoftAppCredentials(appId, "secret"));
        }
    }
}
