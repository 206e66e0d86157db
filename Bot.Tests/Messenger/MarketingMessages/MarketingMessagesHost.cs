using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// A Messenger host whose Page sends through Marketing Messages to US subscribers (a 5,000 budget cap), with
/// the admin key: either against a given Graph address, or in Development against the local stand-in of Meta
/// that the host serves to itself on <c>port</c> (Bot/Messenger/MarketingMessages/LocalGraph/), its webhooks
/// posted back to the host's own <c>/api/messenger</c>.
/// </summary>
internal static class MarketingMessagesHost
{
    public static Dictionary<string, string?> Settings(string graphBaseUrl) => AdminClient.Settings(new Dictionary<string, string?>
    {
        ["Notifications:Region"] = "US",
        ["Messenger:MarketingMessages:AdAccountId"] = "act_1234567890",
        ["Messenger:MarketingMessages:AccessToken"] = "local-token",
        ["Messenger:MarketingMessages:MaxCampaignBudget"] = "5000",
        ["Messenger:MarketingMessages:GraphBaseUrl"] = graphBaseUrl,
    });

    /// <param name="port">The host's own port (BotHost.FreePort()), which the stand-in's address and webhooks name.</param>
    /// <param name="standIn">The stand-in's own settings (LocalGraph:*), e.g. its share of repeated webhooks.</param>
    /// <param name="databasePath">A database to share with an earlier host, or null for a fresh one.</param>
    public static Task<MessengerBot> StartWithStandInAsync(int port, IReadOnlyDictionary<string, string>? standIn = null, string? databasePath = null)
    {
        var self = $"http://127.0.0.1:{port}";
        var settings = Settings($"{self}/local-graph");
        settings["Messenger:MarketingMessages:LocalGraph:Enabled"] = "true";
        settings["Messenger:MarketingMessages:LocalGraph:WebhookUrl"] = $"{self}/api/messenger";
        foreach (var (key, value) in standIn ?? new Dictionary<string, string>())
        {
            settings[$"Messenger:MarketingMessages:LocalGraph:{key}"] = value;
        }

        return MessengerBot.StartAsync(settings: settings, environment: "Development", port: port, databasePath: databasePath);
    }

    /// <summary>Weekly-deals subscribers opted in three days before the host's clock: customer <c>psid-{token}</c>, each in its time zone.</summary>
    public static async Task OptInAsync(MessengerBot bot, params (string Token, string Zone)[] subscribers)
    {
        var store = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        var at = bot.Clock.GetUtcNow().AddDays(-3);
        foreach (var (token, zone) in subscribers)
        {
            Assert.True(await store.TrySaveAsync(
                Subscription.OptInOnMessenger("weekly-deals", null, $"psid-{token}", token, zone, null, null, "Current", SubscriptionOrigin.RequestedByUs, at), CancellationToken.None));
        }
    }
}
