using System.Globalization;
using ConversationBot.Notifications.StopRate;

namespace ConversationBot.Bot.Tests.Notifications.StopRate;

public sealed class StopRateOptionsTests
{
    [Theory]
    [InlineData("7.00:00:00", true)]
    [InlineData("31.00:00:00", true)]
    [InlineData("31.00:00:01", false)]
    [InlineData("00:00:00", false)]
    public void The_window_is_positive_and_at_most_31_days_whose_hours_are_all_kept(string window, bool valid)
    {
        var problems = new StopRateOptions { Window = TimeSpan.Parse(window, CultureInfo.InvariantCulture) }.Problems("Notifications:StopRate").ToList();

        Assert.Equal(valid ? [] : ["Notifications:StopRate:Window must be positive and at most 31 days"], problems);
    }
}
