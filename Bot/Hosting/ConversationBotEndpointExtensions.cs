using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Endpoints;
using ConversationBot.Bot.Messenger;

namespace ConversationBot.Bot.Hosting;

public static class ConversationBotEndpointExtensions
{
    /// <summary>Every endpoint the bot serves: the Bot Framework endpoint, health, the admin API and the Messenger webhook.</summary>
    public static WebApplication MapConversationBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.MapBotEndpoints();
        app.MapHealthEndpoints();
        app.MapAdminEndpoints();
        app.MapMessengerEndpoints();
        return app;
    }
}
