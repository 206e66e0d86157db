using ConversationBot.Bot.Customers;
using ConversationBot.Bot.Funnel;
using ConversationBot.Bot.Messenger.Links;
using ConversationBot.Bot.Messenger.Profile;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Security;
using ConversationBot.Dialogs.Handoff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Admin;

/// <summary>The operators' API under /api/admin, behind the admin key; not mapped at all when no key is configured.</summary>
public static partial class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints));
        if (!options.IsEnabled)
        {
            LogDisabled(logger);
            return endpoints;
        }

        // The rate limiter runs first: an address with too many failed keys gets 429 before its key is looked at.
        var admin = endpoints.MapGroup("/api/admin").RequireRateLimiting(FailedCredentialsRateLimiterPolicy.Name).AddEndpointFilter<AdminApiKeyFilter>();
        admin.MapGet("/handoffs", ListHandoffsAsync).WithSummary("Conversations a person has taken over.");
        admin.MapDelete("/handoffs/{channelId}/{conversationId}", ReleaseHandoffAsync).WithSummary("Gives a handed-off conversation back to the bot.");
        admin.MapHandoffDeskEndpoints();
        admin.MapGet("/messenger/set-aside", ListSetAsideAsync).WithSummary("Messenger webhook events set aside instead of run, newest first, with the reason and the event as it came (at most 200; kept seven days).");
        admin.MapCampaignEndpoints();
        admin.MapCampaignBudgetEndpoints();
        admin.MapMessengerProfileEndpoints();
        admin.MapEntryLinkEndpoints();
        admin.MapFunnelEndpoints();
        admin.MapCustomerEndpoints();
        admin.MapOpenApi("/openapi.json");
        return endpoints;
    }

    private static async Task<Ok<List<HandoffView>>> ListHandoffsAsync(IHandoffStore handoffs, CancellationToken cancellationToken) =>
        TypedResults.Ok((await handoffs.ListAsync(cancellationToken).ConfigureAwait(false)).Select(HandoffView.Of).ToList());

    private static async Task<Results<NoContent, NotFound>> ReleaseHandoffAsync(string channelId, string conversationId, IHandoffStore handoffs, CancellationToken cancellationToken) =>
        await handoffs.ReleaseAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<SetAsideEvent>>> ListSetAsideAsync(IMessengerEventLog eventLog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await eventLog.ListSetAsideAsync(200, cancellationToken).ConfigureAwait(false));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The admin API (/api/admin) is disabled: set Admin:ApiKey to enable it")]
    private static partial void LogDisabled(ILogger logger);
}
