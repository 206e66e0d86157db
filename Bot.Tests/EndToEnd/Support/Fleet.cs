using System.Diagnostics;
using System.Globalization;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Storage.Cosmos;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// Several real hosts (Kestrel on 127.0.0.1, over HTTP) on one database of the Cosmos DB test server,
/// each with its own fake Graph API and a cut to the store (<see cref="CosmosStoreCut"/>): a fleet of
/// instances in one test process.
/// </summary>
public sealed class Fleet : IAsyncDisposable
{
    private readonly List<Member> _members = [];
    private readonly HashSet<Member> _stopped = [];

    private Fleet()
    {
    }

    public IReadOnlyList<Member> Members => _members;

    public static async Task<Fleet> StartAsync(CosmosTestServer server, string database, int instances, string databaseFile, IDictionary<string, string?> delivery)
    {
        var fleet = new Fleet();
        for (var i = 0; i < instances; i++)
        {
            var graph = await FakeGraphApi.StartAsync();
            var cut = new CosmosStoreCut();
            var settings = server.Settings(database);
            foreach (var (key, value) in AdminClient.Settings(MessengerBot.Settings(graph)).Concat(delivery))
            {
                settings[key] = value;
            }

            var host = BotHost.Start(databaseFile, settings, services => services.Configure<CosmosClientOptions>(options =>
            {
                CosmosTestServer.UseWorkarounds(options);
                options.CustomHandlers.Add(cut);
            }));
            fleet._members.Add(new Member(host, graph, cut, host.Services.GetRequiredService<DeliveryInstance>().Id));
        }

        return fleet;
    }

    /// <summary>Delivery:MaxParallelSends of each member.</summary>
    public const int ParallelSends = 8;

    /// <summary>Delivery settings for a quick fleet: small pages, the given item lease, a poll of 100 ms, unlimited sends unless told.</summary>
    public static Dictionary<string, string?> Delivery(TimeSpan itemLease, int sendsPerSecond = 0) => new()
    {
        ["Delivery:PageSize"] = "50",
        ["Delivery:MaxParallelSends"] = ParallelSends.ToString(CultureInfo.InvariantCulture),
        ["Delivery:PollInterval"] = "00:00:00.100",
        ["Delivery:MaxRetryWait"] = "00:00:00.100",
        ["Delivery:ItemLeaseDuration"] = itemLease.ToString("c", CultureInfo.InvariantCulture),
        ["Delivery:MessengerSendsPerSecond"] = sendsPerSecond.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Every request any instance sent to its Graph API.</summary>
    public IEnumerable<GraphRequest> Requests => _members.SelectMany(m => m.Graph.Requests);

    /// <summary>Delivery records by the instance that claimed them.</summary>
    public static Dictionary<string, int> ShareOf(IEnumerable<DeliveryRecord> records) =>
        records.GroupBy(r => r.ClaimedBy).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>
    /// Waits until every item <paramref name="owner"/> held is done or held by someone else; how long that took.
    /// </summary>
    public static async Task<TimeSpan> TakeOverAsync(ICampaignWorkStore work, string campaignId, string owner, IReadOnlyCollection<int> held, Stopwatch since)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(60))
        {
            var items = await work.ListAsync(campaignId, CancellationToken.None);
            if (items.Where(i => held.Contains(i.Index)).All(i => i.IsDone || (i.Owner is not null && i.Owner != owner)))
            {
                return since.Elapsed;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the items {string.Join(", ", held)} of {owner} were not taken over within a minute");
    }

    /// <summary>An orderly stop of one instance (what SIGTERM does to the published host).</summary>
    public async Task StopAsync(Member member)
    {
        _stopped.Add(member);
        await member.Host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members.Where(m => !_stopped.Contains(m)))
        {
            // The Graph API first: a held send fails, and only then can its host stop.
            await member.Graph.DisposeAsync();
            await member.Host.DisposeAsync();
        }

        foreach (var member in _stopped)
        {
            await member.Graph.DisposeAsync();
        }
    }

    public sealed record Member(BotHost Host, FakeGraphApi Graph, CosmosStoreCut Cut, string InstanceId)
    {
        public ICampaignWorkStore Work => Host.Services.GetRequiredService<ICampaignWorkStore>();
    }
}
