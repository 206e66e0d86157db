namespace ConversationBot.Notifications.Languages;

/// <summary>
/// The languages the bot speaks to subscribers (two-letter codes, e.g. <c>en</c>, <c>de</c>) and the
/// fallback for a subscriber whose language is unknown: stored before languages were recorded, or
/// a code the bot no longer speaks. The host builds it from its cultures
/// (Dialogs/Localization/SupportedCultures.cs) and <c>Bot:FallbackLanguage</c>, so the domain
/// needs no culture data of its own.
/// </summary>
public sealed class SubscriberLanguages
{
    private readonly HashSet<string> _codes;

    public SubscriberLanguages(IEnumerable<string> codes, string fallback)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentException.ThrowIfNullOrWhiteSpace(fallback);
        Codes = [.. codes.Select(Normalize).Distinct(StringComparer.Ordinal)];
        _codes = new HashSet<string>(Codes, StringComparer.Ordinal);
        Fallback = Normalize(fallback);
        if (!_codes.Contains(Fallback))
        {
            throw new ArgumentException($"The fallback language '{fallback}' is not one of {string.Join(", ", Codes)}.", nameof(fallback));
        }
    }

    /// <summary>In the order the host gave them.</summary>
    public IReadOnlyList<string> Codes { get; }

    public string Fallback { get; }

    public bool IsSupported(string? code) => code is not null && _codes.Contains(Normalize(code));

    /// <summary>The subscriber's language as the bot speaks it: a supported code, else the fallback.</summary>
    public string Of(string? code) => IsSupported(code) ? Normalize(code!) : Fallback;

    private static string Normalize(string code) => code.Trim().ToLowerInvariant();
}
