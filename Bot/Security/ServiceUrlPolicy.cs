using System.Net;
using ConversationBot.Bot.BotFramework;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Security;

/// <summary>
/// Whether the bot may send to a service URL. With Bot Framework authentication the service URL of
/// an activity comes with a validated token (the SDK checks its serviceurl claim), so any is allowed.
/// Without it, the caller chooses the URL, and replying to whatever it names would let anyone make the
/// bot POST into its own network (the cloud metadata address, internal services): only loopback
/// addresses and <see cref="BotOptions.AllowedServiceUrls"/> are allowed. The same check guards
/// inbound activities (<see cref="Endpoints.BotEndpoints"/>), every connector client
/// (<see cref="BotFramework.ReusingConnectorFactory"/>) and proactive sends
/// (<see cref="Delivery.BotFrameworkNotificationSender"/>).
/// </summary>
public sealed class ServiceUrlPolicy
{
    private readonly List<Uri> _allowed;

    public ServiceUrlPolicy(IOptions<BotOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        AuthenticationIsOn = !BotCredentials.From(configuration).IsAnonymous;
        _allowed = [.. options.Value.AllowedServiceUrls
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null)
            .OfType<Uri>()];
    }

    public bool AuthenticationIsOn { get; }

    public IReadOnlyList<Uri> AllowedServiceUrls => _allowed;

    /// <summary>What a refusal says, for the caller and the delivery record; names the settings that would allow it.</summary>
    public static string RefusalReason(string? serviceUrl) =>
        $"the service URL {Describe(serviceUrl)} is not allowed: without Bot Framework authentication the bot sends only to loopback addresses and to {BotOptions.SectionName}:{nameof(BotOptions.AllowedServiceUrls)}";

    /// <summary>Scheme, host and port of a service URL, for logs and messages: never its path or query, which the caller wrote.</summary>
    public static string Describe(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(not an absolute URL)";

    public bool Allows(string? serviceUrl)
    {
        if (AuthenticationIsOn)
        {
            return true;
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        return IsLoopback(uri) || _allowed.Exists(allowed => Matches(allowed, uri));
    }

    // Host, not IdnHost: IdnHost throws for hosts that are not valid IDNs ("127.0.0\uFFFD.1"), which callers can send.

    /// <summary>
    /// A literal loopback address (127.0.0.0/8, ::1, IPv4-mapped forms) or "localhost". Any other name
    /// is refused even if it resolves to loopback today: a name's answer can change between the check
    /// and the request (DNS rebinding).
    /// </summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        }

        return uri.HostNameType == UriHostNameType.Dns && uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Matches(Uri allowed, Uri candidate)
    {
        if (!string.Equals(allowed.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(allowed.Host, candidate.Host, StringComparison.OrdinalIgnoreCase)
            || allowed.Port != candidate.Port)
        {
            return false;
        }

        var prefix = allowed.AbsolutePath.EndsWith('/') ? allowed.AbsolutePath : allowed.AbsolutePath + "/";
        var path = candidate.AbsolutePath.EndsWith('/') ? candidate.AbsolutePath : candidate.AbsolutePath + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
