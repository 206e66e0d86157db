using System.Net;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>
/// Authentication is the default outside Development: without Bot Framework credentials the host
/// refuses to start and names the setting, unless Bot:AllowAnonymous=true, and then it warns on every
/// start. Weak or incomplete secrets stop it too.
/// </summary>
public sealed class SecureStartupTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_published_bot_in_Production_without_credentials_exits_naming_MicrosoftAppId_and_Bot_AllowAnonymous()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot:AllowAnonymous"] = "false",
            ["Storage:Sqlite:Path"] = _database.FilePath,
        }));

        Assert.Contains("MicrosoftAppId is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("environment 'Production'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowAnonymous=true", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Outside_Development_no_credentials_stop_the_host(string environment)
    {
        var failure = Assert.ThrowsAny<Exception>(() => BotHost.Start(_database.FilePath, new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "false" }, environment: environment));

        Assert.Contains("MicrosoftAppId is not set", Messages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Bot_AllowAnonymous_in_Production_the_host_starts_and_warns()
    {
        var log = new RecordedLog();
        await using (var bot = BotHost.Start(_database.FilePath, replaceServices: services => services.AddSingleton<ILoggerProvider>(log), environment: "Production"))
        {
            using var health = await bot.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var warning = Assert.Single(log.At(LogLevel.Warning), m => m.Contains("authentication is OFF", StringComparison.Ordinal));
        Assert.Contains("Bot:AllowAnonymous=true", warning, StringComparison.Ordinal);
        Assert.Contains("Production", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_the_Emulator_needs_no_credentials_and_no_warning_is_given()
    {
        var log = new RecordedLog();
        await using var bot = BotHost.Start(
            _database.FilePath,
            new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "false", ["Logging:LogLevel:ConversationBot.Bot.Endpoints"] = "Information" },
            services => services.AddSingleton<ILoggerProvider>(log),
            environment: "Development");

        using var health = await bot.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain(log.At(LogLevel.Warning), m => m.Contains("authentication is OFF", StringComparison.Ordinal));
        Assert.Contains(log.At(LogLevel.Information), m => m.Contains("authentication is off (Development", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MultiTenant", "app-id", null, null, "MicrosoftAppPassword is not set")]
    [InlineData("SingleTenant", "app-id", "secret", null, "MicrosoftAppTenantId is not set")]
    [InlineData("UserAssignedMSI", "client-id", null, null, "MicrosoftAppTenantId is not set")]
    [InlineData("Certificate", "app-id", "secret", "tenant", "MicrosoftAppType must be one of")]
    // App Service passes an unresolved Key Vault reference through as text: it is not a password.
    [InlineData("MultiTenant", "app-id", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/microsoft-app-password)", null, "MicrosoftAppPassword is not set")]
    public void An_incomplete_bot_identity_stops_the_host_naming_what_is_missing(string type, string appId, string? password, string? tenant, string expected)
    {
        var failure = Assert.ThrowsAny<Exception>(() => BotHost.Start(_database.FilePath, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        }));

        Assert.Contains(expected, Messages(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(31, false)]
    [InlineData(32, true)]
    public async Task An_admin_key_shorter_than_32_characters_stops_the_host(int length, bool starts)
    {
        var settings = new Dictionary<string, string?> { ["Admin:ApiKey"] = new string('k', length) };
        if (starts)
        {
            await using var bot = BotHost.Start(_database.FilePath, settings);
            using var health = await bot.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            return;
        }

        var failure = Assert.ThrowsAny<Exception>(() => BotHost.Start(_database.FilePath, settings));
        Assert.Contains("Admin:ApiKey is shorter than 32 characters", Messages(failure), StringComparison.Ordinal);
        Assert.DoesNotContain(new string('k', length), Messages(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot:AllowedServiceUrls:0", "169.254.169.254", "Bot:AllowedServiceUrls")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example", "ForwardedHeaders:KnownProxies")]
    [InlineData("RateLimits:FailedCredentials:PermitLimit", "0", "RateLimits:FailedCredentials:PermitLimit")]
    [InlineData("RateLimits:Channels:Window", "00:00:00", "RateLimits:Channels:Window")]
    public async Task A_bad_security_setting_stops_the_host_naming_it(string key, string value, string named)
    {
        // A real process: these are checked when the host starts, and a WebApplicationFactory whose host
        // fails there sometimes reports only that its service provider was disposed.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = _database.FilePath,
            [key] = value,
        }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(Messages));
            }
        }

        return string.Join("\n", messages);
    }
}
