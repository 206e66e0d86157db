using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// How far a campaign got, as the console's progress bars and its live updates show it: done out of the
/// audience counted at its start (a finished campaign is whole, also when customers left or joined the
/// topic while it ran); before the audience is counted, nothing out of one.
/// </summary>
public sealed record CampaignProgress(string Status, long Done, long Total, long Sent, long Skipped, long Failed, bool IsFinished)
{
    public static CampaignProgress Of(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var done = campaign.Counts.Total;
        var total = campaign.IsFinished ? Math.Max(done, 1) : Math.Max(campaign.Audience ?? 0, Math.Max(done, 1));
        return new CampaignProgress(campaign.Status.ToString(), Math.Min(done, total), total, campaign.Counts.Sent, campaign.Counts.Skipped, campaign.Counts.Failed, campaign.IsFinished);
    }
}
