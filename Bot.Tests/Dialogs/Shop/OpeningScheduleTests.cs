using ConversationBot.Dialogs.Shop;

namespace ConversationBot.Bot.Tests.Dialogs.Shop;

/// <summary>
/// The shop's opening hours as rules (Dialogs/Shop/OpeningSchedule.cs) with the shipped week (weekdays
/// 08:00–18:00, Saturday 09:00–16:00, Sunday closed) in Zurich: open or closed at the edges, the next
/// opening across a weekend, a closed date and both daylight-saving changes. Fixed instants, no clock.
/// </summary>
public sealed class OpeningScheduleTests
{
    private static readonly OpeningSchedule Shipped = Schedule();

    [Theory]
    [InlineData("2027-01-13T06:59:00Z", false)] // Wednesday 07:59 in Zurich
    [InlineData("2027-01-13T07:00:00Z", true)] // 08:00
    [InlineData("2027-01-13T16:59:59Z", true)] // 17:59:59
    [InlineData("2027-01-13T17:00:00Z", false)] // 18:00
    [InlineData("2027-01-16T08:30:00Z", true)] // Saturday 09:30
    [InlineData("2027-01-16T15:00:00Z", false)] // Saturday 16:00
    [InlineData("2027-01-17T10:00:00Z", false)] // Sunday 11:00
    public void Open_from_the_opening_minute_to_just_before_closing_in_the_shops_zone(string instant, bool open) =>
        Assert.Equal(open, Shipped.At(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).IsOpen);

    [Fact]
    public void Open_says_until_when_in_local_time()
    {
        var state = Shipped.At(At("2027-01-13T09:00:00Z"));

        Assert.Equal(new DateTimeOffset(2027, 1, 13, 18, 0, 0, TimeSpan.FromHours(1)), state.ClosesAt);
        Assert.Equal(0, state.DaysFromToday(state.ClosesAt!.Value));
    }

    [Fact]
    public void Closed_on_saturday_evening_opens_on_monday_morning()
    {
        var state = Shipped.At(At("2027-01-16T17:00:00Z"));

        Assert.False(state.IsOpen);
        Assert.Equal(new DateTimeOffset(2027, 1, 18, 8, 0, 0, TimeSpan.FromHours(1)), state.OpensAt);
        Assert.Equal(2, state.DaysFromToday(state.OpensAt!.Value));
    }

    [Fact]
    public void A_closed_date_is_skipped()
    {
        var schedule = Schedule("2027-01-18");

        Assert.False(schedule.At(At("2027-01-18T09:00:00Z")).IsOpen);
        Assert.Equal(new DateTimeOffset(2027, 1, 19, 8, 0, 0, TimeSpan.FromHours(1)), schedule.At(At("2027-01-16T17:00:00Z")).OpensAt);
    }

    [Fact]
    public void Opening_times_stay_local_across_both_daylight_saving_changes()
    {
        // Zurich moves to summer time on Sunday 2027-03-28 and back on Sunday 2027-10-31.
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.FromHours(2)), Shipped.At(At("2027-03-27T20:00:00Z")).OpensAt);
        Assert.Equal(new DateTimeOffset(2027, 11, 1, 8, 0, 0, TimeSpan.FromHours(1)), Shipped.At(At("2027-10-30T20:00:00Z")).OpensAt);
        Assert.True(Shipped.At(At("2027-03-29T06:00:00Z")).IsOpen);
        Assert.False(Shipped.At(At("2027-11-01T06:00:00Z")).IsOpen);
    }

    [Fact]
    public void An_opening_in_the_hour_skipped_in_spring_is_the_first_minute_after_it()
    {
        var schedule = new OpeningSchedule(Zurich, new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>> { [DayOfWeek.Sunday] = [new(TimeSpan.FromHours(2.5), TimeSpan.FromHours(5))] }, []);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)), schedule.At(At("2027-03-27T23:00:00Z")).OpensAt);
    }

    [Fact]
    public void Hours_given_as_text_only_are_no_schedule()
    {
        var shop = new ShopOptions { OpeningHours = [new OpeningHoursEntry { Days = new LocalizedText { ["en"] = "Weekdays" }, Hours = "8 to 6" }] };

        Assert.Null(OpeningSchedule.From(shop));
        Assert.Null(new ShopOpeningHours(shop).At(At("2027-01-13T09:00:00Z")));
    }

    [Theory]
    [InlineData("08:00–18:00", "08:00-18:00")]
    [InlineData("08:00 - 12:00, 13:30 - 18:00", "08:00-12:00,13:30-18:00")]
    [InlineData("18:00–24:00", "18:00-24:00")]
    public void Hours_read_as_ranges(string text, string expected) =>
        Assert.Equal(expected, string.Join(',', OpeningRange.Parse(text).Ranges.Select(r => $"{r.Opens:hh\\:mm}-{(r.Closes == TimeSpan.FromHours(24) ? "24:00" : r.Closes.ToString("hh\\:mm", System.Globalization.CultureInfo.InvariantCulture))}")));

    [Theory]
    [InlineData("8 to 6")]
    [InlineData("18:00–08:00")]
    [InlineData("08:00–12:00, 11:00–18:00")]
    [InlineData("25:00–26:00")]
    public void Hours_that_are_no_ranges_say_why(string text) =>
        Assert.NotNull(OpeningRange.Parse(text).Problem);

    private static TimeZoneInfo Zurich => TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private static OpeningSchedule Schedule(params string[] closedDates) => OpeningSchedule.From(new ShopOptions
    {
        TimeZone = "Europe/Zurich",
        ClosedDates = [.. closedDates],
        OpeningHours =
        [
            new OpeningHoursEntry { Days = new LocalizedText { ["en"] = "Monday to Friday" }, Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], Hours = "08:00–18:00" },
            new OpeningHoursEntry { Days = new LocalizedText { ["en"] = "Saturday" }, Weekdays = ["Saturday"], Hours = "09:00–16:00" },
            new OpeningHoursEntry { Days = new LocalizedText { ["en"] = "Sunday" }, Weekdays = ["Sunday"], Closed = true },
        ],
    })!;
}
