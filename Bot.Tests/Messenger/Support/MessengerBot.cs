using System.Net.Http.Headers;
using System.Text;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.Turns;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Messenger.Support;

/// <summary>
/// The real host with the Messenger channel on, its Send API pointed at a fake Graph API, and a
/// client that posts webhook bodies signed as Meta signs them. The host runs on <see cref="Clock"/>,
/// a fake clock one minute after the samples happened (<see cref="MessengerSamples.Instant"/>), so a
/// sample's message is always inside its 24-hour window whatever today's date; a test that needs to
/// move time registers a clock of its own instead.
/// </summary>
public sealed class MessengerBot : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret";
    public const string VerifyToken = "test-verify-token";
    public const string PageAccessToken = "test-page-token";
    public const string PageId = "104567890123456";
    public const string Psid = "6543210987654321";

    private readonly TempDatabase? _database;

    private MessengerBot(TempDatabase? database, FakeGraphApi graph, BotHost host, FakeTimeProvider clock)
    {
        _database = database;
        Graph = graph;
        Host = host;
        Clock = clock;
    }

    /// <summary>The host's clock unless the test registered its own <see cref="TimeProvider"/>.</summary>
    public FakeTimeProvider Clock { get; }

    public FakeGraphApi Graph { get; }

    public BotHost Host { get; }

    public RecordingBot Bot => Host.Services.GetRequiredService<RecordingBot>();

    /// <param name="databasePath">Another host's database, to run a second host on it (the caller owns the file).</param>
    /// <param name="clockAt">Where the host's clock starts; by default a minute after the samples' instant.</param>
    public static async Task<MessengerBot> StartAsync(
        string? locale = null,
        Action<IServiceCollection>? replaceServices = null,
        IDictionary<string, string?>? settings = null,
        string? databasePath = null,
        DateTimeOffset? clockAt = null,
        string environment = "Testing",
        int port = 0)
    {
        var database = databasePath is null ? new TempDatabase() : null;
        var graph = await FakeGraphApi.StartAsync();
        var all = Settings(graph, locale);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var clock = new FakeTimeProvider(clockAt ?? MessengerSamples.Instant.AddMinutes(1));
        var host = BotHost.Start(databasePath ?? database!.FilePath, all, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            RecordingBot.Replace(services);
            replaceServices?.Invoke(services);
        }, environment, port);
        return new MessengerBot(database, graph, host, clock);
    }

    public static Dictionary<string, string?> Settings(FakeGraphApi graph, string? locale = null) => new()
    {
        ["Messenger:AppSecret"] = AppSecret,
        ["Messenger:VerifyToken"] = VerifyToken,
        ["Messenger:PageAccessToken"] = PageAccessToken,
        ["Messenger:PageId"] = PageId,
        ["Messenger:GraphBaseUrl"] = graph.BaseUrl.ToString(),
        ["Messenger:Locale"] = locale ?? string.Empty,
    };

    /// <summary>The database file the host runs on.</summary>
    public string DatabasePath => Host.Services.GetRequiredService<ConversationBot.Bot.Storage.Sqlite.SqliteDatabase>().FilePath;

    public static string Sample(string name) => MessengerSamples.Read(name);

    public Task<HttpResponseMessage> PostSampleAsync(string name) => PostSignedAsync(Sample(name));

    /// <summary>POSTs a sample and returns Meta's answer without waiting for the turns behind it.</summary>
    public Task<HttpResponseMessage> PostWithoutWaitingAsync(string sample)
    {
        var body = Encoding.UTF8.GetBytes(Sample(sample));
        return PostWithoutWaitingAsync(body, MessengerSignature.Sign(body, AppSecret));
    }

    public Task<HttpResponseMessage> PostSignedAsync(string body) =>
        PostAsync(Encoding.UTF8.GetBytes(body), MessengerSignature.Sign(Encoding.UTF8.GetBytes(body), AppSecret));

    /// <summary>
    /// POSTs a webhook body and, once it is answered, waits until the turns it started have run (or
    /// wait to try again), as Meta's customer waits for the reply: the 200 comes before the turns.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature)
    {
        var response = await PostWithoutWaitingAsync(body, signature);
        await TurnsSettledAsync();
        return response;
    }

    /// <summary>Until no turn of this host runs or is ready to run.</summary>
    public Task TurnsSettledAsync() => Host.Services.GetRequiredService<MessengerTurnQueue>().WhenSettledAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Moves the host's clock and waits for the turns it made due (a retry's wait, the take-over sweep).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Task.Yield();
        await TurnsSettledAsync();
    }

    public Task<HttpResponseMessage> PostWithoutWaitingAsync(byte[] body, string? signature)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, MessengerEndpoints.Path) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(MessengerSignature.HeaderName, signature);
        }

        return Host.Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
        _database?.Dispose();
    }
}
