namespace ConversationBot.Notifications.StopRate;

/// <summary>
/// Pauses new offers of a topic when people stop it too often: a page whose opt-ins are often
/// stopped gets restricted (issue 9, "Why"). Ratio = stops / opt-ins over the sliding window;
/// paused when the sample (opt-ins + stops) reaches the minimum and the ratio is strictly above the
/// threshold. Stops with no opt-ins count as an infinite ratio.
/// </summary>
public sealed class StopRateGuard
{
    private readonly StopRateOptions _options;

    public StopRateGuard(StopRateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// The start of the window that ends at <paramref name="now"/>. The stores count whole UTC hours
    /// (<see cref="IStopRateCounterStore.CountAsync"/>), so the events counted are those from the start of
    /// this instant's hour to <paramref name="now"/>: the window reaches back between <see cref="StopRateOptions.Window"/>
    /// and one hour more, and an event leaves it at the end of its hour, Window later (not at its own instant).
    /// </summary>
    public DateTimeOffset WindowStart(DateTimeOffset now) => now - _options.Window;

    public StopRateStatus Evaluate(string topicId, StopRateCounts counts)
    {
        var ratio = counts.OptIns == 0
            ? counts.Stops == 0 ? 0 : double.PositiveInfinity
            : (double)counts.Stops / counts.OptIns;
        var sample = counts.OptIns + counts.Stops;
        var paused = sample >= _options.MinimumSample && ratio > _options.Threshold;
        return new StopRateStatus(topicId, paused, counts.OptIns, counts.Stops, ratio, _options.Threshold, _options.MinimumSample, _options.Window);
    }
}
