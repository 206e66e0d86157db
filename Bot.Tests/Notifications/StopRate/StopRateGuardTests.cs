using ConversationBot.Notifications.StopRate;

namespace ConversationBot.Bot.Tests.Notifications.StopRate;

public class StopRateGuardTests
{
    private static readonly StopRateGuard Guard = new(new StopRateOptions { Threshold = 0.25, MinimumSample = 20, Window = TimeSpan.FromDays(7) });

    [Fact]
    public void Offers_continue_at_exactly_the_threshold_and_pause_just_above_it()
    {
        Assert.False(Guard.Evaluate("t", new StopRateCounts(40, 10)).IsPaused);
        Assert.True(Guard.Evaluate("t", new StopRateCounts(40, 11)).IsPaused);
    }

    [Fact]
    public void Below_the_minimum_sample_the_guard_does_not_pause_however_bad_the_ratio()
    {
        Assert.False(Guard.Evaluate("t", new StopRateCounts(10, 9)).IsPaused);
        Assert.True(Guard.Evaluate("t", new StopRateCounts(11, 9)).IsPaused);
    }

    [Fact]
    public void Stops_without_any_opt_ins_count_as_an_infinite_ratio()
    {
        var status = Guard.Evaluate("t", new StopRateCounts(0, 20));
        Assert.True(status.IsPaused);
        Assert.Contains("ratio infinite", status.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_explanation_names_the_numbers_for_operators()
    {
        var status = Guard.Evaluate("weekly-deals", new StopRateCounts(40, 12));
        Assert.Equal(
            "12 stops against 40 opt-ins in the last 7 days: ratio 0.3, threshold 0.25, minimum sample 20; new offers paused",
            status.Explanation);
    }

    [Fact]
    public void The_window_slides_with_now()
    {
        var now = new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddDays(-7), Guard.WindowStart(now));
    }
}
