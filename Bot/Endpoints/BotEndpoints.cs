using ConversationBot.Bot.BotFramework;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Endpoints;

/// <summary>The Bot Framework endpoint: what the Emulator, Azure Bot Service and Web Chat post activities to.</summary>
public static partial class BotEndpoints
{
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleActivityAsync)
            .WithName("PostActivity")
            .WithSummary("Receives a Bot Framework activity and runs a turn.");
        return endpoints;
    }

    private static async Task HandleActivityAsync(
        HttpContext http,
        BotCloudAdapter adapter,
        IBot bot,
        IOptions<BotOptions> options,
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated activity: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string reason);
}
