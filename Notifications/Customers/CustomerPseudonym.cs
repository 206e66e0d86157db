using System.Security.Cryptography;

namespace ConversationBot.Notifications.Customers;

/// <summary>
/// The id an erased customer's kept records carry instead of theirs: random, so nothing (not even this
/// deployment) can turn it back into the person, and recognisable, so a report can say "erased".
/// </summary>
public static class CustomerPseudonym
{
    public const string Prefix = "erased-";

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsPseudonym(string customerId) => customerId.StartsWith(Prefix, StringComparison.Ordinal);
}
