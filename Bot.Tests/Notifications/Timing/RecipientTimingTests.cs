using ConversationBot.Notifications.Timing;

namespace ConversationBot.Bot.Tests.Notifications.Timing;

/// <summary>When a campaign's message is due for a subscriber: their local time and their quiet hours, across DST and odd offsets.</summary>
public class RecipientTimingTests
{
    private static readonly RecipientTiming Timing = new(QuietHours.Default, TimeZoneInfo.Utc);
    private static readonly RecipientTiming NoQuietHours = new(new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0)), TimeZoneInfo.Utc);
    private static readonly LocalSendTime NineLocal = new(new TimeOnly(9, 0));

    [Theory]
    // Created 2027-03-27 10:00 UTC, the day before Europe moves to summer time (the US moved on 14 March).
    [InlineData("2027-03-27T10:00:00Z", "Europe/Zurich", "2027-03-28T07:00:00Z")]
    [InlineData("2027-03-27T10:00:00Z", "America/New_York", "2027-03-27T13:00:00Z")]
    [InlineData("2027-03-27T10:00:00Z", "Asia/Tokyo", "2027-03-28T00:00:00Z")]
    [InlineData("2027-03-27T10:00:00Z", "Asia/Kolkata", "2027-03-28T03:30:00Z")]
    [InlineData("2027-03-27T10:00:00Z", "Asia/Kathmandu", "2027-03-28T03:15:00Z")]
    [InlineData("2027-03-27T10:00:00Z", null, "2027-03-28T09:00:00Z")]
    // Created 2027-10-30 10:00 UTC, the day before Europe moves back to winter time (the US on 7 November).
    [InlineData("2027-10-30T10:00:00Z", "Europe/Zurich", "2027-10-31T08:00:00Z")]
    [InlineData("2027-10-30T10:00:00Z", "America/New_York", "2027-10-30T13:00:00Z")]
    [InlineData("2027-10-30T10:00:00Z", "Asia/Tokyo", "2027-10-31T00:00:00Z")]
    [InlineData("2027-10-30T10:00:00Z", "Asia/Kolkata", "2027-10-31T03:30:00Z")]
    public void Nine_local_is_nine_on_the_subscribers_wall_clock_at_the_first_such_moment_after_the_start(string start, string? zone, string expected)
    {
        var due = Timing.For(DateTimeOffset.Parse(start, null, System.Globalization.DateTimeStyles.RoundtripKind), NineLocal, false, zone);

        Assert.Equal(DateTimeOffset.Parse(expected, null, System.Globalization.DateTimeStyles.RoundtripKind), due.DueAt);
        Assert.Equal(SendTimingReason.LocalTime, due.Reason);
    }

    [Fact]
    public void A_subscriber_without_a_zone_is_in_the_configured_fallback_zone()
    {
        var zurich = new RecipientTiming(QuietHours.Default, TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich"));

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 7, 0, 0, TimeSpan.Zero), zurich.For(new DateTimeOffset(2027, 3, 27, 10, 0, 0, TimeSpan.Zero), NineLocal, false, null).DueAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 7, 0, 0, TimeSpan.Zero), zurich.For(new DateTimeOffset(2027, 3, 27, 10, 0, 0, TimeSpan.Zero), NineLocal, false, "Not/AZone").DueAt);
    }

    [Fact]
    public void A_send_at_half_past_ten_at_night_in_zurich_waits_for_eight_in_the_morning_also_on_the_night_the_clocks_change()
    {
        var evening = new DateTimeOffset(2027, 3, 27, 22, 30, 0, TimeSpan.FromHours(1));

        var due = Timing.For(evening, null, false, "Europe/Zurich");

        Assert.Equal((new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.FromHours(2)), SendTimingReason.QuietHours), (due.DueAt, due.Reason));
        Assert.Equal((evening, SendTimingReason.CampaignStart), (Timing.For(evening, null, true, "Europe/Zurich").DueAt, Timing.For(evening, null, true, "Europe/Zurich").Reason));
        Assert.Equal(evening, NoQuietHours.For(evening, null, false, "Europe/Zurich").DueAt);
    }

    [Theory]
    [InlineData("20:59", false)]
    [InlineData("21:00", true)]
    [InlineData("03:00", true)]
    [InlineData("07:59", true)]
    [InlineData("08:00", false)]
    public void The_quiet_hours_begin_at_their_start_and_end_at_their_end(string localTime, bool inside)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var at = WallClock.At(new DateOnly(2027, 6, 1), TimeOnly.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture), zone);

        Assert.Equal(inside, QuietHours.Default.EndIfInside(at, zone) is not null);
    }

    [Fact]
    public void A_wall_time_the_spring_change_skips_becomes_the_end_of_the_gap_and_one_shown_twice_its_first_occurrence()
    {
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

        Assert.False(WallClock.Exists(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), zurich));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)), WallClock.At(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), zurich));
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 2, 30, 0, TimeSpan.FromHours(2)), WallClock.At(new DateOnly(2027, 10, 31), new TimeOnly(2, 30), zurich));
    }
}
