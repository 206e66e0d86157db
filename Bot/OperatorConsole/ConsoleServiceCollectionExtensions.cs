using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// The operator console at <c>/console</c> (docs/console.md): Razor Pages rendered on the server, behind
/// a cookie session that Microsoft Entra ID (<see cref="EntraIdSignIn"/>) or, without it, the admin API key
/// opens. With neither the console is not mapped at all and the start-up log says so.
/// </summary>
public static partial class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddOperatorConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<EntraIdOptions, EntraIdOptionsValidation>(configuration, EntraIdOptions.SectionName);
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/OperatorConsole/Pages";
            pages.Conventions.AuthorizeFolder("/", ConsoleAuthentication.Policy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
        });
        var authentication = services.AddAuthentication(ConsoleAuthentication.Scheme);
        if (configuration.GetSection(EntraIdOptions.SectionName).Get<EntraIdOptions>()?.IsEnabled == true)
        {
            services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, EntraIdSignIn>();
            authentication.AddOpenIdConnect(EntraIdSignIn.Scheme, "Microsoft Entra ID", _ => { });
        }

        authentication.AddCookie(ConsoleAuthentication.Scheme, cookie =>
        {
            cookie.Cookie.Name = ConsoleAuthentication.CookieName;
            cookie.Cookie.Path = "/console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = ConsoleAuthentication.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/console/sign-in";
            cookie.LogoutPath = "/console/sign-out";
            cookie.AccessDeniedPath = "/console/sign-in";
        });
        services.AddOptions<CookieAuthenticationOptions>(ConsoleAuthentication.Scheme).Configure<IHostEnvironment>((cookie, environment) =>
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = ConsoleAuthentication.CookieName + "-af";
            antiforgery.Cookie.Path = "/console";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuthentication.Policy, policy => policy.AddAuthenticationSchemes(ConsoleAuthentication.Scheme).RequireAuthenticatedUser().RequireRole(ConsoleAuthentication.ReadRole))
            .AddPolicy(ConsoleAuthentication.CampaignsPolicy, policy => policy.AddAuthenticationSchemes(ConsoleAuthentication.Scheme).RequireAuthenticatedUser().RequireRole(ConsoleAuthentication.CampaignsRole))
            .AddPolicy(ConsoleAuthentication.CustomersPolicy, policy => policy.AddAuthenticationSchemes(ConsoleAuthentication.Scheme).RequireAuthenticatedUser().RequireRole(ConsoleAuthentication.CustomersRole));
        return services;
    }

    /// <summary>The console's pages, behind the failed-credentials rate limit (the sign-in counts wrong keys); not mapped without an admin key.</summary>
    public static WebApplication MapOperatorConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.IsEnabled && !app.Services.GetRequiredService<IOptions<EntraIdOptions>>().Value.IsEnabled)
        {
            LogDisabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleServiceCollectionExtensions)));
            return app;
        }

        app.MapRazorPages().RequireRateLimiting(FailedCredentialsRateLimiterPolicy.Name);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The operator console (/console) is off: set Console:EntraId (Microsoft Entra ID sign-in) or Admin:ApiKey (key sign-in) to serve it")]
    private static partial void LogDisabled(ILogger logger);
}
