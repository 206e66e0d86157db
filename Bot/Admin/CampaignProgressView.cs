using ConversationBot.Notifications.Delivery.Work;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// Sent, skipped and failed so far (over every pass); waiting: subscribers the current pass found not due
/// yet (their local time, the end of their quiet hours), with the instant the next of them is due; left is
/// the audience at the start minus all those, while the campaign runs; the campaign's work items and the
/// instances working on it, each with its share of what was recorded.
/// </summary>
public sealed record CampaignProgressView(
    long Sent, long Skipped, long Failed, long? Left, long? Audience, long Waiting, DateTimeOffset? NextWaveAt, int Items, int ItemsDone, IReadOnlyList<InstanceShareView> Instances)
{
    public static CampaignProgressView Of(long? audience, CampaignProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new(
            progress.Counts.Sent,
            progress.Counts.Skipped,
            progress.Counts.Failed,
            progress.Left,
            audience,
            progress.Waiting,
            progress.NextWaveAt,
            progress.Items,
            progress.ItemsDone,
            [.. progress.Instances.Select(s => new InstanceShareView(s.Instance, s.Counts.Sent, s.Counts.Skipped, s.Counts.Failed, s.ItemsDone, s.Working, Math.Round(s.Share, 3)))]);
    }
}
