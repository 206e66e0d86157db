using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Endpoints;

namespace ConversationBot.Bot.Hosting;

public static class ConversationBotEndpointExtensions
{
    /// <summary>Every endpoint the bot serves: the Bot Framework endpoint, health, and the admin API.</summary>
    public static WebApplication MapConversationBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.MapBotEndpoints();
        app.MapHealthEndpoints();
        app.MapAdminEndpoints();
        return app;
    }
}
