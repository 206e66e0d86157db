using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ConversationBot.Bot.BotFramework;

/// <summary>Hands out the shared client for a service URL and audience instead of building a new one per turn.</summary>
internal sealed class ReusingConnectorFactory(ConnectorFactory inner, string appId, ConnectorClientCache cache) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(
            new ConnectorKey(appId, NormalizeServiceUrl(serviceUrl), audience ?? string.Empty),
            ct => inner.CreateAsync(serviceUrl, audience, ct),
            cancellationToken);

    // "http://localhost:5000" and "http://localhost:5000/" are the same channel endpoint.
    private static string NormalizeServiceUrl(string serviceUrl) => serviceUrl.TrimEnd('/').ToUpperInvariant();
}
