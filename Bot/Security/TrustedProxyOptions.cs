using System.Net;

namespace ConversationBot.Bot.Security;

/// <summary>
/// The proxies whose X-Forwarded-For and X-Forwarded-Proto the host believes (docs/security.md).
/// Loopback is always trusted (ASP.NET Core's default: a proxy on the same machine); anything else
/// must be listed, because a forwarded header from anyone else is just text the client chose, and
/// the client address decides rate limits. App Service terminates TLS in front ends that reach the
/// app from private addresses; deploymentTemplates/main.bicep lists those networks.
/// Do not set ASPNETCORE_FORWARDEDHEADERS_ENABLED: it makes ASP.NET Core trust every sender.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Single addresses, e.g. "10.0.0.4".</summary>
    public IReadOnlyList<string> KnownProxies { get; init; } = [];

    /// <summary>Networks in CIDR notation, e.g. "10.0.0.0/8".</summary>
    public IReadOnlyList<string> KnownNetworks { get; init; } = [];

    public IEnumerable<string> Problems()
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return $"{SectionName}:{nameof(KnownProxies)} holds '{proxy}', which is not an IP address.";
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return $"{SectionName}:{nameof(KnownNetworks)} holds '{network}', which is not a network in CIDR notation (e.g. 10.0.0.0/8).";
        }
    }
}
