using System.Net;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationBot.Bench.Fanout;

/// <summary>
/// Meta's Marketing Messages endpoints as the bot's own local stand-in (Bot/Messenger/MarketingMessages/LocalGraph/,
/// served here by <see cref="LocalGraphEndpoints.MapLocalGraphRoutes"/>) on 127.0.0.1 in the driver's process, with
/// its rules: one message per token per 12 hours, the daily cap, the budget, region per token. Two differences, for
/// a benchmark: no warm-up after a campaign is created (<see cref="LocalGraphOptions.WarmUp"/> zero), and it posts no delivery webhooks (nothing would receive them). A reset starts a fresh one
/// (a new port), so each step's tokens are counted alone and the 12-hour rule does not carry from one N to the next.
/// </summary>
internal sealed class MarketingMessagesStandIn : IDeliveryTarget
{
    public const string AccessToken = "bench-marketing-messages-token";
    public const string AdAccount = "1234567890";

    private WebApplication _app = null!;
    private LocalMarketingMessagesGraph _graph = null!;

    private MarketingMessagesStandIn()
    {
    }

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/local-graph");

    public string? RawCampaignId { get; private set; }

    public long Requests => _graph.Accepted.Count;

    public IReadOnlyDictionary<string, int> PerToken => _graph.Accepted.GroupBy(a => a.Token, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Meta campaigns created since the last reset (the raw baseline's own included).</summary>
    public int Campaigns => _graph.CampaignCount;

    public static async Task<MarketingMessagesStandIn> StartAsync()
    {
        var standIn = new MarketingMessagesStandIn();
        await standIn.ResetAsync();
        return standIn;
    }

    public async Task ResetAsync()
    {
        if (_app is not null)
        {
            await DisposeAsync();
        }

        // No webhooks are posted, so none need their shares; prices and caps as the stand-in's defaults.
        _graph = new LocalMarketingMessagesGraph(new LocalGraphOptions { DuplicateShare = 0, FailedShare = 0, WarmUp = TimeSpan.Zero }, TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapLocalGraphRoutes(_graph, AccessToken, "bench-page-access-token");
        await _app.StartAsync();

        // The raw baseline's campaign, with a budget that no run reaches.
        var created = _graph.CreateCampaign(AdAccount, new JsonObject { ["name"] = "bench:raw", ["page_id"] = "1234567890", ["lifetime_budget"] = long.MaxValue / 2 });
        RawCampaignId = created.Body["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
