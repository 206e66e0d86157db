using ConversationBot.Bot.Security;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// Hands out the shared client for a service URL and audience instead of building a new one per turn.
/// Every client the bot sends with comes from here, so this is also the last check that the service
/// URL is one the bot may send to (<see cref="ServiceUrlPolicy"/>); the endpoint and the proactive
/// sender refuse earlier, with a reason.
/// </summary>
internal sealed class ReusingConnectorFactory(ConnectorFactory inner, string appId, ConnectorClientCache cache, ServiceUrlPolicy policy) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        !policy.Allows(serviceUrl)
            ? throw new UnauthorizedAccessException(ServiceUrlPolicy.RefusalReason(serviceUrl))
            : cache.GetOrCreateAsync(
            new ConnectorKey(appId, NormalizeServiceUrl(serviceUrl), audience ?? string.Empty),
            ct => inner.CreateAsync(serviceUrl, audience, ct),
            cancellationToken);

    // "http://localhost:5000" and "http://localhost:5000/" are the same channel endpoint.
    private static string NormalizeServiceUrl(string serviceUrl) => serviceUrl.TrimEnd('/').ToUpperInvariant();
}
