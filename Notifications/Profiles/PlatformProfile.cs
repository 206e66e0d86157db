namespace ConversationBot.Notifications.Profiles;

/// <summary>
/// The Messenger rules in force, as one named value (docs/messenger-platform.md §1). The platform changed its
/// rules in 2023 and 2025, so they are configuration, chosen with <c>Notifications:Profile</c> and
/// overridable value by value under <c>Notifications:Profiles:&lt;name&gt;</c>; the next change is a
/// configuration edit. The rules apply on Messenger only; the topic's promise applies everywhere.
/// </summary>
public sealed record PlatformProfile
{
    public const string Launch2022Name = "Launch2022";
    public const string CurrentName = "Current";

    /// <summary>
    /// Recurring Notifications as launched in May 2022 (the product brief): frequency in the request;
    /// one message per token per calendar day / week / month in the token's timezone; tokens live 6 /
    /// 9 / 12 months; re-opt-in offered in the last week; no duplicate requests (our own cooldown).
    /// </summary>
    public static PlatformProfile Launch2022 { get; } = new()
    {
        Name = Launch2022Name,
        Description = "Recurring Notifications as launched in May 2022 (docs/messenger-platform.md §1)",
        SendRule = PerTokenSendRule.CalendarPeriodOfTokenFrequency,
        RequestCarriesFrequency = true,
        TokenLifetime = TokenLifetime.ByFrequency(6, 9, 12),
        ReOptInOffered = true,
        ReOptInBeforeExpiry = TimeSpan.FromDays(7),
        SameTitleRequestLimit = null,
        Regions = null,
    };

    /// <summary>
    /// Marketing Messages as Meta runs them since September 2025: no frequency in the request; one
    /// message per token per rolling 48 hours; tokens do not expire; no re-opt-in; the same title at
    /// most once per 7 days per person; AU, EU, JP, KR, UK only
    /// (since February 10, 2026).
    /// </summary>
    public static PlatformProfile Current { get; } = new()
    {
        Name = CurrentName,
        Description = "Marketing Messages since September 2025 (docs/messenger-platform.md §1)",
        SendRule = PerTokenSendRule.Rolling(TimeSpan.FromHours(48)),
        RequestCarriesFrequency = false,
        TokenLifetime = TokenLifetime.Unlimited,
        ReOptInOffered = false,
        ReOptInBeforeExpiry = TimeSpan.Zero,
        SameTitleRequestLimit = TimeSpan.FromDays(7),
        Regions = new HashSet<string>(["AU", "EU", "JP", "KR", "UK"], StringComparer.OrdinalIgnoreCase),
    };

    public static IReadOnlyList<PlatformProfile> BuiltIns { get; } = [Launch2022, Current];

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>The per-token send limit (docs/messenger-platform.md §1, "messages per token").</summary>
    public required PerTokenSendRule SendRule { get; init; }

    /// <summary>Whether the opt-in template carries <c>notification_messages_frequency</c> (docs/messenger-platform.md §2).</summary>
    public required bool RequestCarriesFrequency { get; init; }

    public required TokenLifetime TokenLifetime { get; init; }

    /// <summary>Whether a subscriber may be asked to continue (<c>notification_messages_reoptin</c>) near expiry.</summary>
    public required bool ReOptInOffered { get; init; }

    /// <summary>How long before expiry the re-opt-in may be offered (the last week under Launch2022).</summary>
    public required TimeSpan ReOptInBeforeExpiry { get; init; }

    /// <summary>
    /// The platform's limit on asking one person with the same title again (7 days under Current);
    /// <c>null</c> when the platform only says "no duplicates" and our own cooldown decides.
    /// </summary>
    public required TimeSpan? SameTitleRequestLimit { get; init; }

    /// <summary>The regions the platform serves; <c>null</c> means everywhere.</summary>
    public required IReadOnlySet<string>? Regions { get; init; }

    /// <summary>
    /// Whether the profile serves <paramref name="region"/> (see <see cref="RegionCode"/>). An unknown
    /// region (<c>null</c>) is not refused, because whose region counts (the business's or the person's) is unverified (docs/messenger-platform.md §1); the
    /// start-up check warns instead (<see cref="ProfileCompatibilityCheck"/>).
    /// </summary>
    public bool CoversRegion(string? region) =>
        Regions is null || string.IsNullOrWhiteSpace(region) || Regions.Contains(RegionCode.Normalize(region));

    /// <summary>
    /// The profile named <paramref name="name"/>: a built-in, or one defined under
    /// <c>Notifications:Profiles</c> (with <c>BasedOn</c>), with that section's overrides applied.
    /// Throws naming the setting when the name is unknown or an override is invalid.
    /// </summary>
    public static PlatformProfile Resolve(string? name, IReadOnlyDictionary<string, PlatformProfileOptions>? overrides)
    {
        var chosen = string.IsNullOrWhiteSpace(name) ? CurrentName : name.Trim();
        PlatformProfileOptions? options = null;
        var found = overrides?.FirstOrDefault(o => string.Equals(o.Key, chosen, StringComparison.OrdinalIgnoreCase));
        if (found is { Value: not null } pair && pair.Key is not null)
        {
            options = pair.Value;
        }

        var builtIn = BuiltIns.FirstOrDefault(p => string.Equals(p.Name, chosen, StringComparison.OrdinalIgnoreCase));
        if (builtIn is null)
        {
            if (options?.BasedOn is null)
            {
                throw new InvalidOperationException(
                    $"Notifications:Profile '{chosen}' is neither {Launch2022Name} nor {CurrentName}, and Notifications:Profiles:{chosen}:BasedOn does not name one.");
            }

            builtIn = BuiltIns.FirstOrDefault(p => string.Equals(p.Name, options.BasedOn, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"Notifications:Profiles:{chosen}:BasedOn '{options.BasedOn}' is neither {Launch2022Name} nor {CurrentName}.");
            builtIn = builtIn with { Name = chosen };
        }

        return options is null ? builtIn : options.ApplyTo(builtIn, $"Notifications:Profiles:{chosen}");
    }
}
