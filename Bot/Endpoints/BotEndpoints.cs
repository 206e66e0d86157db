using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Endpoints;

/// <summary>The Bot Framework endpoint: what the Emulator, Azure Bot Service and Web Chat post activities to.</summary>
public static partial class BotEndpoints
{
    public const string Path = "/api/messages";

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        LogAuthenticationMode(endpoints.ServiceProvider);
        endpoints.MapPost(Path, HandleActivityAsync)
            .WithName("PostActivity")
            .WithSummary("Receives a Bot Framework activity and runs a turn.")
            .RequireRateLimiting(ChannelRateLimiterPolicy.Name);
        return endpoints;
    }

    /// <summary>On every start: whether /api/messages needs a Bot Framework token, and if not, where replies may go.</summary>
    private static void LogAuthenticationMode(IServiceProvider services)
    {
        var policy = services.GetRequiredService<ServiceUrlPolicy>();
        if (policy.AuthenticationIsOn)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoints));
        var allowed = policy.AllowedServiceUrls.Count == 0 ? "none" : string.Join(", ", policy.AllowedServiceUrls.Select(u => u.GetLeftPart(UriPartial.Path)));
        if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            LogAnonymousDevelopment(logger, allowed);
        }
        else
        {
            LogAnonymous(logger, services.GetRequiredService<IHostEnvironment>().EnvironmentName, allowed);
        }
    }

    private static async Task HandleActivityAsync(
        HttpContext http,
        BotCloudAdapter adapter,
        IBot bot,
        IOptions<BotOptions> options,
        ServiceUrlPolicy serviceUrls,
        ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(typeof(BotEndpoints));
        var read = await ActivityReader.ReadAsync(http.Request, options.Value.MaxActivityBytes, http.RequestAborted).ConfigureAwait(false);
        if (read.Activity is null)
        {
            LogRefused(logger, read.StatusCode, read.Error);
            await Results.Problem(detail: read.Error, statusCode: read.StatusCode).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        // Before the adapter sees the activity: no turn runs and nothing is sent for a service URL the
        // bot may not send to. Logged with the channel and the URL's authority only, never the body.
        if (!serviceUrls.Allows(read.Activity.ServiceUrl))
        {
            LogServiceUrlRefused(logger, read.Activity.ChannelId, ServiceUrlPolicy.Describe(read.Activity.ServiceUrl));
            await Results.Problem(detail: $"Refused: {ServiceUrlPolicy.RefusalReason(read.Activity.ServiceUrl)}.", statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        try
        {
            var invokeResponse = await adapter.ProcessAsync(http.Request.Headers.Authorization, read.Activity, bot, http.RequestAborted).ConfigureAwait(false);
            await HttpHelper.WriteResponseAsync(http.Response, invokeResponse).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogUnauthorized(logger, ex.Message);
            await Results.Problem(detail: "The request does not carry a valid Bot Framework token.", statusCode: StatusCodes.Status401Unauthorized)
                .ExecuteAsync(http).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity with {StatusCode}: {Error}")]
    private static partial void LogRefused(ILogger logger, int statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity from channel {ChannelId} with 403: its service URL {ServiceUrl} is neither loopback nor in Bot:AllowedServiceUrls")]
    private static partial void LogServiceUrlRefused(ILogger logger, string channelId, string serviceUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework authentication is OFF in environment {Environment} (Bot:AllowAnonymous=true): anyone who reaches /api/messages can run a turn. Replies go only to loopback service URLs and to Bot:AllowedServiceUrls ({AllowedServiceUrls}). Set MicrosoftAppId and its credentials before exposing the bot (docs/security.md)")]
    private static partial void LogAnonymous(ILogger logger, string environment, string allowedServiceUrls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Framework authentication is off (Development, no MicrosoftAppId): replies go only to loopback service URLs and to Bot:AllowedServiceUrls ({AllowedServiceUrls})")]
    private static partial void LogAnonymousDevelopment(ILogger logger, string allowedServiceUrls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated activity: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string reason);
}
