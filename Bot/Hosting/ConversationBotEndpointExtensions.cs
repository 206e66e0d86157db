using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Endpoints;
using ConversationBot.Bot.LocalChat;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.OperatorConsole;
using ConversationBot.Bot.Security;

namespace ConversationBot.Bot.Hosting;

public static class ConversationBotEndpointExtensions
{
    /// <summary>
    /// The pipeline and every endpoint the bot serves: security first (forwarded headers, HSTS and
    /// HTTPS redirection outside Development, response headers), the start page, then the Bot
    /// Framework endpoint, health, the admin API, the Messenger webhook and the operator console
    /// (the console's cookie session: authentication and authorization) behind the rate limiter, and
    /// in Development the chat page (Bot/LocalChat).
    /// </summary>
    public static WebApplication MapConversationBot(this WebApplication app)
    {
        app.UseBotSecurity();
        app.UseExceptionHandler();
        if (!LocalChatEndpoints.IsServed(app))
        {
            // In Development "/" is the chat page (Bot/LocalChat); elsewhere the start page in wwwroot.
            app.UseDefaultFiles();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseBotRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBotEndpoints();
        app.MapHealthEndpoints();
        app.MapAdminEndpoints();
        app.MapMessengerEndpoints();
        app.MapLocalMarketingMessagesGraph(app.Environment);
        app.MapOperatorConsole();
        app.MapLocalChat();
        return app;
    }
}
