namespace ConversationBot.Notifications.StopRate;

/// <summary>
/// The guard's verdict for one topic, with the numbers behind it so an operator can see why offers
/// paused (<see cref="Explanation"/>).
/// </summary>
public sealed record StopRateStatus(
    string TopicId,
    bool IsPaused,
    int OptIns,
    int Stops,
    double Ratio,
    double Threshold,
    int MinimumSample,
    TimeSpan Window)
{
    public static StopRateStatus NotPaused(string topicId) => new(topicId, false, 0, 0, 0, 0, 0, TimeSpan.Zero);

    public string Explanation =>
        $"{Stops} stops against {OptIns} opt-ins in the last {Window.TotalDays:0.##} days: ratio {FormatRatio(Ratio)}, threshold {Threshold:0.###}, minimum sample {MinimumSample}; "
        + (IsPaused ? "new offers paused" : "offers continue");

    private static string FormatRatio(double ratio) =>
        double.IsPositiveInfinity(ratio) ? "infinite" : ratio.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
