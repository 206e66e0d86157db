using System.Net;
using System.Net.Sockets;

namespace ConversationBot.Bot.Security;

/// <summary>
/// The address a rate limit counts against: the connection's remote address after the forwarded
/// headers of trusted proxies were applied (<see cref="TrustedProxyOptions"/>). IPv6 clients are
/// counted per /64, the block one subscriber gets, so an attacker cannot start afresh with each address of it.
/// </summary>
public static class ClientAddress
{
    public static string PartitionKey(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = Normalize(http.Connection.RemoteIpAddress);
        if (address is null)
        {
            return "unknown";
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    /// <summary>Loopback (the machine itself: the Emulator, tests, a proxy on the same host).</summary>
    public static bool IsLoopback(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Normalize(http.Connection.RemoteIpAddress) is { } address && IPAddress.IsLoopback(address);
    }

    private static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
