using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Profiles;

/// <summary>
/// How long a consent token lives, in months by frequency (Launch2022: 6 / 9 / 12), or not at all
/// limited (Current, since August 2023). docs/messenger-platform.md §1.
/// </summary>
public sealed record TokenLifetime
{
    private TokenLifetime(int? dailyMonths, int? weeklyMonths, int? monthlyMonths)
    {
        DailyMonths = dailyMonths;
        WeeklyMonths = weeklyMonths;
        MonthlyMonths = monthlyMonths;
    }

    public static TokenLifetime Unlimited { get; } = new(null, null, null);

    public int? DailyMonths { get; }

    public int? WeeklyMonths { get; }

    public int? MonthlyMonths { get; }

    public bool Expires => DailyMonths is not null || WeeklyMonths is not null || MonthlyMonths is not null;

    public static TokenLifetime ByFrequency(int dailyMonths, int weeklyMonths, int monthlyMonths) =>
        dailyMonths > 0 && weeklyMonths > 0 && monthlyMonths > 0
            ? new(dailyMonths, weeklyMonths, monthlyMonths)
            : throw new ArgumentOutOfRangeException(nameof(dailyMonths), "Token lifetimes must be positive numbers of months.");

    /// <summary>
    /// When a token opted in at <paramref name="optedInAt"/> expires, for when the platform did not
    /// say (<c>token_expiry_timestamp</c> absent). Calendar months on the UTC date, so the 31st
    /// plus one month is the last day of the shorter month.
    /// </summary>
    public DateTimeOffset? ExpiryFor(Frequency frequency, DateTimeOffset optedInAt)
    {
        var months = frequency switch
        {
            Frequency.Daily => DailyMonths,
            Frequency.Weekly => WeeklyMonths,
            Frequency.Monthly => MonthlyMonths,
            _ => null,
        };
        return months is { } m ? optedInAt.ToUniversalTime().AddMonths(m) : null;
    }
}
