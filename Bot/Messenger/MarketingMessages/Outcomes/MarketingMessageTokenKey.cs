using System.Security.Cryptography;
using System.Text;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;

/// <summary>
/// The key a marketing message's outcome is kept under instead of its subscription token: the SHA-256 of the
/// token. The sender and the webhooks both know the token and so reach the same key, while the stored
/// outcome names nobody once the subscription (which holds the token) is erased (docs/security.md).
/// </summary>
public static class MarketingMessageTokenKey
{
    public static string Of(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
