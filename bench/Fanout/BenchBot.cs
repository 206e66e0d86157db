using System.Globalization;
using System.Net;
using ConversationBot.Bot.Hosting;

using ConversationBot.Repository;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// The real host, built as Program.cs builds it (appsettings, AddConversationBot) with the settings
/// the benchmark overrides: the SQLite file, Messenger pointed at the fake, no per-page rate limit
/// (Delivery:MessengerSendsPerSecond=0; production default 250/s), and the background worker off
/// (Delivery:Enabled=false) so that only the benchmark's own call works the campaign.
/// </summary>
internal static class BenchBot
{
    public const string Topic = "weekly-deals";

    /// <summary>The warm-up campaign's topic: its subscribers are not the measured ones.</summary>
    public const string WarmUpTopic = "monthly-newsletter";

    public static WebApplication Build(ChildSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = RepositoryRoot.BotProject, EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = settings.Database,

            // Production without an app id: the bench's channels are fakes on loopback (docs/security.md).
            ["Bot:AllowAnonymous"] = "true",
            ["Messenger:AppSecret"] = "bench-app-secret",
            ["Messenger:VerifyToken"] = "bench-verify-token",
            ["Messenger:PageAccessToken"] = "bench-page-access-token",
            ["Messenger:PageId"] = "1234567890",
            ["Messenger:GraphBaseUrl"] = settings.GraphBaseUrl.ToString(),
            ["Delivery:Enabled"] = "false",
            ["Delivery:MessengerSendsPerSecond"] = "0",
            ["Delivery:MaxParallelSends"] = settings.Parallel.ToString(CultureInfo.InvariantCulture),

            // No quiet hours: the bench measures sending, not waiting for the subscribers' morning.
            ["Delivery:QuietHours:Start"] = "00:00",
            ["Delivery:QuietHours:End"] = "00:00",
        };
        if (settings.Product == DeliveryProduct.MarketingMessages)
        {
            // A US shop: its US subscribers go through Marketing Messages, to the stand-in in the driver's process.
            overrides["Notifications:Region"] = "US";
            overrides["Messenger:MarketingMessages:AdAccountId"] = "act_" + MarketingMessagesStandIn.AdAccount;
            overrides["Messenger:MarketingMessages:AccessToken"] = MarketingMessagesStandIn.AccessToken;
            overrides["Messenger:MarketingMessages:MaxCampaignBudget"] = "100000000";
            overrides["Messenger:MarketingMessages:GraphBaseUrl"] = settings.GraphBaseUrl.ToString();
        }

        if (settings.PageSize is { } pageSize)
        {
            overrides["Delivery:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.AddConversationBot();
        return builder.Build();
    }
}
