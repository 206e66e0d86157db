namespace ConversationBot.Bot.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>The agent desk behind the admin API's hand-off endpoints and the console's desk pages (docs/handoff.md).</summary>
    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.AddSingleton<AgentReplySender>();
        services.AddSingleton<HandoffDesk>();
        services.AddSingleton<UnansweredHandoffNotices>();
        services.AddHostedService(sp => sp.GetRequiredService<UnansweredHandoffNotices>());
        return services;
    }
}
