using System.Diagnostics;
using System.Globalization;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// The Page's send rate as the Page would see it: arrivals at the fake Graph APIs
/// (<see cref="Stopwatch"/> timestamps), checked two ways.
/// <list type="bullet">
/// <item>The whole run keeps the rate: the sends take at least as long as the rate allows, within 3% for a
/// late first or early last arrival (the schedule keeps 5% under the rate, Bot/Delivery/Rate/FleetSendRate.cs).</item>
/// <item>No one-second window holds more than 1.15 times the rate. The schedule spaces slots exactly (the
/// fake-clock tests in Bot.Tests/Delivery/Rate say so to the tick), a send leaves at most
/// <c>FleetSendRate.MaxLateness</c> after its slot, and the arrivals add what a loaded two-core machine does
/// to a request on its way (three hosts, the Cosmos DB test server and the fakes share it): CI once saw 55 in
/// a second at 50. An instance keeping the rate on its own, the fault these tests are for, puts the whole
/// fleet's worth in one second (three times the rate), far over either bound.</item>
/// </list>
/// </summary>
public static class PageSendRate
{
    public const double BurstAllowance = 1.15;

    /// <returns>The busiest one-second window and the run's length, for the test's output.</returns>
    public static (int Busiest, double Seconds) Check(IReadOnlyList<long> arrivals, int perSecond)
    {
        var ordered = arrivals.Order().ToList();
        var second = Stopwatch.Frequency;
        var busiest = ordered.Select((start, i) => ordered.Skip(i).TakeWhile(t => t - start < second).Count()).Max();
        var seconds = (ordered[^1] - ordered[0]) / (double)second;
        var average = (ordered.Count - 1) / seconds;
        Assert.True(average <= perSecond * 1.03, string.Create(CultureInfo.InvariantCulture, $"{ordered.Count} sends in {seconds:F2} s: {average:F1} a second, over the rate of {perSecond}"));
        Assert.True(busiest <= perSecond * BurstAllowance, $"{busiest} sends in one second at a rate of {perSecond}");
        return (busiest, seconds);
    }
}
