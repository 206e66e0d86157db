using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// One connector client per (bot app id, service URL, audience), shared by every turn and every
/// proactive send. The stock adapter builds a new client for each turn, and with it a new
/// serializer whose contracts are rebuilt by reflection for every reply: most of a reply's cost.
/// Clients are never shared across app ids (each carries its app's credentials, which refresh
/// their own tokens). Bounded: idle clients and the least recently used beyond the limit are dropped.
/// </summary>
public sealed partial class ConnectorClientCache : IDisposable
{
    private readonly ConcurrentDictionary<ConnectorKey, Entry> _entries = new();
    private readonly ConnectorCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClientCache> _logger;
    private long _created;
    private int _disposed;

    public ConnectorClientCache(IOptions<ConnectorCacheOptions> options, TimeProvider time, ILogger<ConnectorClientCache> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many clients were built since start; what the reuse saves is visible here.</summary>
    public long ClientsCreated => Interlocked.Read(ref _created);

    public int Count => _entries.Count;

    public async Task<IConnectorClient> GetOrCreateAsync(ConnectorKey key, Func<CancellationToken, Task<IConnectorClient>> create, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var now = _time.GetUtcNow();
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = _entries.GetOrAdd(key, static (_, state) => new Entry(state.Cache.CreateClientAsync(state.Create), state.Now), (Cache: this, Create: create, Now: now));

            // Only when a new service URL shows up, never per turn: counting and sorting take every lock of the dictionary.
            Trim(now);
        }

        entry.Touch(now);

        IConnectorClient client;
        try
        {
            client = await entry.Client.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed creation (credentials unavailable, say) must not stay cached for the next turn.
            _entries.TryRemove(new KeyValuePair<ConnectorKey, Entry>(key, entry));
            throw;
        }

        return new ConnectorClientLease(client);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var key in _entries.Keys)
        {
            if (_entries.TryRemove(key, out var entry))
            {
                entry.DisposeClient();
            }
        }
    }

    private Task<IConnectorClient> CreateClientAsync(Func<CancellationToken, Task<IConnectorClient>> create)
    {
        Interlocked.Increment(ref _created);

        // Not the caller's token: the client outlives this turn and serves others waiting for it.
        return create(CancellationToken.None);
    }

    /// <summary>Drops idle clients, then the least recently used until the count is within bounds.</summary>
    private void Trim(DateTimeOffset now)
    {
        var idleBefore = now - _options.IdleTimeout;
        if (_entries.Count <= _options.MaxClients && _entries.Values.All(e => e.LastUsed >= idleBefore))
        {
            return;
        }

        var byAge = _entries.OrderBy(pair => pair.Value.LastUsed).ToList();
        var excess = _entries.Count - _options.MaxClients;
        foreach (var (key, entry) in byAge)
        {
            if (entry.LastUsed >= idleBefore && excess <= 0)
            {
                break;
            }

            if (_entries.TryRemove(new KeyValuePair<ConnectorKey, Entry>(key, entry)))
            {
                excess--;
                LogDropped(_logger, key.ServiceUrl);

                // Not disposed: a turn may still be sending through it. Its HttpClient comes from
                // IHttpClientFactory, whose pooled handlers need no disposal; the GC takes the rest.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped the connector client for {ServiceUrl}")]
    private static partial void LogDropped(ILogger logger, string serviceUrl);

    private sealed class Entry(Task<IConnectorClient> client, DateTimeOffset createdAt)
    {
        private long _lastUsedTicks = createdAt.UtcTicks;

        public Task<IConnectorClient> Client { get; } = client;

        public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

        public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

        public void DisposeClient()
        {
            if (Client.IsCompletedSuccessfully)
            {
                Client.Result.Dispose();
            }
        }
    }
}
