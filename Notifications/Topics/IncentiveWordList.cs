using System.Text.RegularExpressions;

namespace ConversationBot.Notifications.Topics;

/// <summary>
/// Words that promise a reward for opting in. Messenger forbids incentives in opt-in requests
/// (docs/messenger-platform.md §2), and a restricted page cannot ask anyone, so topics using these words do not
/// start. Matching is whole-word (a word character may not touch either end) and case-insensitive,
/// so "win" flags "Win a trip" but not "winter", and "Rabatt" flags "10 % Rabatt" but not "Rabattaktion"
/// (list the compound separately when it matters).
/// </summary>
public sealed class IncentiveWordList
{
    /// <summary>English and German reward wording; configurable through <c>Notifications:IncentiveWords</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultWords =
    [
        "discount", "discounts", "coupon", "coupons", "voucher", "vouchers", "free gift", "free gifts",
        "prize", "prizes", "reward", "rewards", "win", "winner", "giveaway", "cashback", "promo code",
        "gratis", "Rabatt", "Rabatte", "Gutschein", "Gutscheine", "Geschenk", "Geschenke", "Gewinn",
        "Gewinne", "gewinnen", "Prämie", "Prämien", "Preisausschreiben", "Gewinnspiel", "Gratisgeschenk",
    ];

    private readonly Regex? _pattern;

    private IncentiveWordList(IReadOnlyList<string> words)
    {
        Words = words;
        if (words.Count > 0)
        {
            var alternatives = string.Join("|", words.OrderByDescending(w => w.Length).Select(Regex.Escape));
            _pattern = new Regex(
                @"(?<![\p{L}\p{N}_])(?:" + alternatives + @")(?![\p{L}\p{N}_])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }
    }

    public static IncentiveWordList Default { get; } = new(DefaultWords);

    public IReadOnlyList<string> Words { get; }

    /// <summary>A list from configuration; <c>null</c> means the default list, an empty list disables the check.</summary>
    public static IncentiveWordList From(IEnumerable<string>? words) =>
        words is null
            ? Default
            : new IncentiveWordList(words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray());

    /// <summary>The incentive words found in <paramref name="text"/>, as written there.</summary>
    public IReadOnlyList<string> FindIn(string? text)
    {
        if (_pattern is null || string.IsNullOrEmpty(text))
        {
            return [];
        }

        return _pattern.Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
