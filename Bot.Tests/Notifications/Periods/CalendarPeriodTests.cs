using ConversationBot.Notifications.Periods;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Periods;

public class CalendarPeriodTests
{
    private static readonly TimeZoneInfo Zurich = SubscriberTimeZone.Resolve("Europe/Zurich");
    private static readonly TimeZoneInfo NewYork = SubscriberTimeZone.Resolve("America/New_York");

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void A_day_starts_at_local_midnight_and_the_instant_before_belongs_to_the_previous_day()
    {
        var midnight = Utc(2026, 3, 10, 23); // 11 March 00:00 CET
        var day = CalendarPeriod.Containing(midnight, Frequency.Daily, Zurich);
        Assert.Equal(midnight, day.Start);
        Assert.Equal(Utc(2026, 3, 11, 23), day.End);
        Assert.Equal(Utc(2026, 3, 9, 23), CalendarPeriod.Containing(midnight.AddTicks(-1), Frequency.Daily, Zurich).Start);
    }

    [Fact]
    public void The_day_clocks_spring_forward_in_Zurich_lasts_23_hours()
    {
        var day = CalendarPeriod.Containing(Utc(2026, 3, 29, 12), Frequency.Daily, Zurich);
        Assert.Equal(Utc(2026, 3, 28, 23), day.Start);
        Assert.Equal(Utc(2026, 3, 29, 22), day.End);
        Assert.Equal(TimeSpan.FromHours(23), day.End - day.Start);
    }

    [Fact]
    public void The_week_of_the_March_change_in_Zurich_runs_Monday_midnight_CET_to_Monday_midnight_CEST()
    {
        var week = CalendarPeriod.Containing(Utc(2026, 3, 26, 12), Frequency.Weekly, Zurich);
        Assert.Equal(Utc(2026, 3, 22, 23), week.Start);
        Assert.Equal(Utc(2026, 3, 29, 22), week.End);
        Assert.Equal(TimeSpan.FromHours(167), week.End - week.Start);
    }

    [Fact]
    public void Sunday_23_59_local_is_still_this_week_and_Monday_00_00_local_is_the_next()
    {
        var sundayLate = Utc(2026, 3, 29, 21, 59); // Sunday 23:59 CEST
        var mondayMidnight = Utc(2026, 3, 29, 22); // Monday 00:00 CEST
        Assert.Equal(Utc(2026, 3, 22, 23), CalendarPeriod.Containing(sundayLate, Frequency.Weekly, Zurich).Start);
        Assert.Equal(mondayMidnight, CalendarPeriod.Containing(mondayMidnight, Frequency.Weekly, Zurich).Start);
    }

    [Fact]
    public void The_week_of_the_October_change_in_Zurich_lasts_169_hours()
    {
        var week = CalendarPeriod.Containing(Utc(2026, 10, 25, 12), Frequency.Weekly, Zurich);
        Assert.Equal(Utc(2026, 10, 18, 22), week.Start);
        Assert.Equal(Utc(2026, 10, 25, 23), week.End);
        Assert.Equal(TimeSpan.FromHours(169), week.End - week.Start);
    }

    [Fact]
    public void January_31_at_23_59_local_is_January_and_one_minute_later_is_February()
    {
        Assert.Equal(Utc(2025, 12, 31, 23), CalendarPeriod.Containing(Utc(2026, 1, 31, 22, 59), Frequency.Monthly, Zurich).Start);
        var february = CalendarPeriod.Containing(Utc(2026, 1, 31, 23), Frequency.Monthly, Zurich);
        Assert.Equal(Utc(2026, 1, 31, 23), february.Start);
        Assert.Equal(Utc(2026, 2, 28, 23), february.End);
    }

    [Fact]
    public void February_of_a_leap_year_includes_the_29th()
    {
        var february = CalendarPeriod.Containing(Utc(2028, 2, 29, 12), Frequency.Monthly, Zurich);
        Assert.Equal(Utc(2028, 1, 31, 23), february.Start);
        Assert.Equal(Utc(2028, 2, 29, 23), february.End);
        Assert.Equal(29, (february.End - february.Start).TotalDays);
    }

    [Fact]
    public void A_month_spanning_the_spring_change_starts_at_CET_midnight_and_ends_at_CEST_midnight()
    {
        var march = CalendarPeriod.Containing(Utc(2026, 3, 15), Frequency.Monthly, Zurich);
        Assert.Equal(Utc(2026, 2, 28, 23), march.Start);
        Assert.Equal(Utc(2026, 3, 31, 22), march.End);
    }

    [Fact]
    public void The_week_of_the_US_spring_change_in_New_York_runs_from_EST_to_EDT_midnight()
    {
        var week = CalendarPeriod.Containing(Utc(2026, 3, 8, 12), Frequency.Weekly, NewYork);
        Assert.Equal(Utc(2026, 3, 2, 5), week.Start);
        Assert.Equal(Utc(2026, 3, 9, 4), week.End);
    }

    [Fact]
    public void The_day_clocks_fall_back_in_New_York_lasts_25_hours()
    {
        var day = CalendarPeriod.Containing(Utc(2026, 11, 1, 12), Frequency.Daily, NewYork);
        Assert.Equal(Utc(2026, 11, 1, 4), day.Start);
        Assert.Equal(Utc(2026, 11, 2, 5), day.End);
    }

    [Fact]
    public void A_local_midnight_that_does_not_exist_starts_the_day_at_the_transition()
    {
        // Havana springs forward from 00:00 to 01:00 on 8 March 2026; Santiago on 6 September 2026.
        var havana = SubscriberTimeZone.Resolve("America/Havana");
        Assert.Equal(Utc(2026, 3, 8, 5), CalendarPeriod.Containing(Utc(2026, 3, 8, 12), Frequency.Daily, havana).Start);
        Assert.Equal(Utc(2026, 3, 8, 5), CalendarPeriod.Containing(Utc(2026, 3, 7, 12), Frequency.Daily, havana).End);

        var santiago = SubscriberTimeZone.Resolve("America/Santiago");
        Assert.Equal(Utc(2026, 9, 6, 4), CalendarPeriod.Containing(Utc(2026, 9, 6, 12), Frequency.Daily, santiago).Start);
    }

    [Fact]
    public void A_local_midnight_that_occurs_twice_starts_the_day_at_its_first_occurrence()
    {
        // Havana falls back from 01:00 to 00:00 on 1 November 2026: midnight at 04:00Z and again at 05:00Z.
        var havana = SubscriberTimeZone.Resolve("America/Havana");
        var day = CalendarPeriod.Containing(Utc(2026, 11, 1, 12), Frequency.Daily, havana);
        Assert.Equal(Utc(2026, 11, 1, 4), day.Start);
        Assert.Equal(Utc(2026, 11, 2, 5), day.End);
        Assert.Equal(Utc(2026, 11, 1, 4), CalendarPeriod.Containing(Utc(2026, 10, 31, 12), Frequency.Daily, havana).End);
        Assert.Equal(day, CalendarPeriod.Containing(Utc(2026, 11, 1, 5, 30), Frequency.Daily, havana));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void An_absent_or_unknown_timezone_falls_back_to_UTC(string? id)
    {
        var zone = SubscriberTimeZone.Resolve(id);
        Assert.Equal(TimeZoneInfo.Utc, zone);
        Assert.Equal(Utc(2026, 3, 30), CalendarPeriod.Containing(Utc(2026, 4, 5, 23, 59), Frequency.Weekly, zone).Start);
    }
}
