using ConversationBot.Bot.Hosting;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// What keeps the public host safe by default (docs/security.md): the service URL policy, the rate
    /// limits (channel endpoints per address; failed credentials per address), forwarded headers from
    /// trusted proxies only, HSTS, and no Server header.
    /// </summary>
    public static WebApplicationBuilder AddBotSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The Server header names the web server and so what to attack; nobody else needs it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.AddSingleton<ServiceUrlPolicy>();

        services.AddSettings<RateLimitOptions, RateLimitOptionsValidation>(configuration, RateLimitOptions.SectionName);
        services.AddSingleton<CredentialFailures>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy<string, ChannelRateLimiterPolicy>(ChannelRateLimiterPolicy.Name);
            limiter.AddPolicy<string, FailedCredentialsRateLimiterPolicy>(FailedCredentialsRateLimiterPolicy.Name);
        });

        services.AddSettings<TrustedProxyOptions, TrustedProxyOptionsValidation>(configuration, TrustedProxyOptions.SectionName);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            // The defaults stay: loopback only (127.0.0.0/8, ::1), one proxy hop.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>
    /// The security middleware, first in the pipeline: forwarded headers (so that the scheme and the
    /// client address are the real ones), then outside Development HSTS and HTTPS redirection, then
    /// the response headers. The rate limiter runs after routing (<see cref="UseBotRateLimiter"/>).
    /// </summary>
    public static WebApplication UseBotSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>The rate limiter: endpoints opt in with RequireRateLimiting and a policy name.</summary>
    public static WebApplication UseBotRateLimiter(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        return app;
    }
}
