namespace ConversationBot.Notifications.Profiles;

/// <summary>
/// Overrides for one profile under <c>Notifications:Profiles:&lt;name&gt;</c>. Every value is
/// optional: what is not set keeps the built-in's value. A name that is not built in defines a new
/// profile from <see cref="BasedOn"/>.
/// </summary>
public sealed class PlatformProfileOptions
{
    /// <summary>For a new profile name: <c>Launch2022</c> or <c>Current</c>.</summary>
    public string? BasedOn { get; set; }

    public string? Description { get; set; }

    /// <summary><c>None</c>, <c>CalendarPeriod</c> or <c>RollingInterval</c>.</summary>
    public string? PerTokenRule { get; set; }

    /// <summary>For <c>RollingInterval</c>, e.g. <c>2.00:00:00</c> for 48 hours.</summary>
    public TimeSpan? PerTokenInterval { get; set; }

    public bool? RequestCarriesFrequency { get; set; }

    /// <summary><c>false</c> makes tokens live until stopped; <c>true</c> needs the three lifetimes below (or the base profile's).</summary>
    public bool? TokensExpire { get; set; }

    public int? TokenLifetimeMonthsDaily { get; set; }

    public int? TokenLifetimeMonthsWeekly { get; set; }

    public int? TokenLifetimeMonthsMonthly { get; set; }

    public bool? ReOptInOffered { get; set; }

    public TimeSpan? ReOptInBeforeExpiry { get; set; }

    /// <summary>The platform's same-title limit; <c>00:00:00</c> means none (our cooldown only).</summary>
    public TimeSpan? SameTitleRequestLimit { get; set; }

    /// <summary>Region codes; <c>["*"]</c> means everywhere.</summary>
    public string[]? Regions { get; set; }

    internal PlatformProfile ApplyTo(PlatformProfile profile, string section)
    {
        var result = profile with
        {
            Description = Description ?? profile.Description,
            RequestCarriesFrequency = RequestCarriesFrequency ?? profile.RequestCarriesFrequency,
            ReOptInOffered = ReOptInOffered ?? profile.ReOptInOffered,
            ReOptInBeforeExpiry = NonNegative(ReOptInBeforeExpiry, $"{section}:ReOptInBeforeExpiry") ?? profile.ReOptInBeforeExpiry,
            SameTitleRequestLimit = SameTitleRequestLimit is { } limit
                ? (NonNegative<TimeSpan>(limit, $"{section}:SameTitleRequestLimit") == TimeSpan.Zero ? null : limit)
                : profile.SameTitleRequestLimit,
            SendRule = SendRuleOver(profile, section),
            TokenLifetime = LifetimeOver(profile, section),
            Regions = Regions switch
            {
                null => profile.Regions,
                _ when Regions.Any(r => r.Trim() == "*") => null,
                _ => new HashSet<string>(Regions.Where(r => !string.IsNullOrWhiteSpace(r)).Select(RegionCode.Normalize), StringComparer.OrdinalIgnoreCase),
            },
        };
        return result;
    }

    private PerTokenSendRule SendRuleOver(PlatformProfile profile, string section)
    {
        if (PerTokenRule is null)
        {
            return PerTokenInterval is { } onlyInterval && profile.SendRule.Kind == PerTokenRuleKind.RollingInterval
                ? PerTokenSendRule.Rolling(Positive(onlyInterval, $"{section}:PerTokenInterval"))
                : profile.SendRule;
        }

        if (!Enum.TryParse<PerTokenRuleKind>(PerTokenRule, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new InvalidOperationException($"{section}:PerTokenRule '{PerTokenRule}' is not one of None, CalendarPeriod, RollingInterval.");
        }

        return kind switch
        {
            PerTokenRuleKind.None => PerTokenSendRule.None,
            PerTokenRuleKind.CalendarPeriod => PerTokenSendRule.CalendarPeriodOfTokenFrequency,
            _ => PerTokenSendRule.Rolling(Positive(
                PerTokenInterval ?? profile.SendRule.Interval
                    ?? throw new InvalidOperationException($"{section}:PerTokenInterval is required for RollingInterval."),
                $"{section}:PerTokenInterval")),
        };
    }

    private TokenLifetime LifetimeOver(PlatformProfile profile, string section)
    {
        if (TokensExpire == false)
        {
            return TokenLifetime.Unlimited;
        }

        var daily = TokenLifetimeMonthsDaily ?? profile.TokenLifetime.DailyMonths;
        var weekly = TokenLifetimeMonthsWeekly ?? profile.TokenLifetime.WeeklyMonths;
        var monthly = TokenLifetimeMonthsMonthly ?? profile.TokenLifetime.MonthlyMonths;
        if (TokensExpire != true && TokenLifetimeMonthsDaily is null && TokenLifetimeMonthsWeekly is null && TokenLifetimeMonthsMonthly is null)
        {
            return profile.TokenLifetime;
        }

        if (daily is not > 0 || weekly is not > 0 || monthly is not > 0)
        {
            throw new InvalidOperationException(
                $"{section}:TokenLifetimeMonthsDaily, TokenLifetimeMonthsWeekly and TokenLifetimeMonthsMonthly must all be positive when tokens expire.");
        }

        return TokenLifetime.ByFrequency(daily.Value, weekly.Value, monthly.Value);
    }

    private static T? NonNegative<T>(T? value, string setting)
        where T : struct, IComparable<T>
    {
        if (value is { } v && v.CompareTo(default) < 0)
        {
            throw new InvalidOperationException($"{setting} must not be negative.");
        }

        return value;
    }

    private static TimeSpan Positive(TimeSpan value, string setting) =>
        value > TimeSpan.Zero ? value : throw new InvalidOperationException($"{setting} must be positive.");
}
