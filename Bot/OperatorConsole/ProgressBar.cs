using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// How far a campaign got, as the console's progress bars and its live updates show it: done out of the
/// audience counted at its start (a finished campaign is whole, also when customers left or joined the
/// topic while it ran); before the audience is counted, nothing out of one. The counts are the live ones
/// (<see cref="ConversationBot.Bot.Delivery.CampaignLiveProgress"/>): a running campaign's are in its work items.
/// </summary>
public sealed record ProgressBar(string Status, long Done, long Total, long Sent, long Skipped, long Failed, bool IsFinished)
{
    public static ProgressBar Of(Campaign campaign, DeliveryCounts counts)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var done = counts.Total;
        var total = campaign.IsFinished ? Math.Max(done, 1) : Math.Max(campaign.Audience ?? 0, Math.Max(done, 1));
        return new ProgressBar(campaign.Status.ToString(), Math.Min(done, total), total, counts.Sent, counts.Skipped, counts.Failed, campaign.IsFinished);
    }
}
