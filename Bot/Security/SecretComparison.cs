using System.Security.Cryptography;
using System.Text;

namespace ConversationBot.Bot.Security;

/// <summary>
/// Compares a presented secret (admin key, webhook verify token) with the configured one in
/// constant time. Both are hashed first, so neither the content nor the length of the configured
/// secret leaks through timing.
/// </summary>
public static class SecretComparison
{
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string? presented, byte[] expectedHash) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), expectedHash);
}
