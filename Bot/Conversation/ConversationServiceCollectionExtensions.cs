using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The turn: the bot and the steps it routes through (window stamp, hand-off gate, the conversation's dialogs).</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<ConversationLanguage>();
        services.AddSingleton<WindowStamp>();
        services.AddSingleton<Funnel.FunnelTurn>();
        services.AddSingleton<HandoffGate>();
        services.AddSingleton<RecentLines>();
        services.AddSingleton<HandoffTranscriptTurn>();
        services.AddSingleton<ConversationDialogs>();
        services.AddSingleton<IBot, CustomerServiceBot>();
        return services;
    }
}
