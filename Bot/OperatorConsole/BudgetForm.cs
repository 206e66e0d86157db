using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// What the console shows of a campaign's Marketing Messages budget and its raise form
/// (Pages/Shared/_BudgetForm.cshtml): the budget in force (the campaign's own, else the configured maximum)
/// and the bounds a raise must keep (<see cref="CampaignBudgetRule.ValidateRaise"/>). <c>null</c> from
/// <see cref="Of"/> where there is nothing to raise: Marketing Messages not configured, or the campaign finished.
/// </summary>
public sealed record BudgetForm(string CampaignId, long InForce, bool IsMaximum, long Maximum, string? Value = null, string? Problem = null)
{
    public static BudgetForm? Of(Campaign campaign, CampaignBudgetRule budgets)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(budgets);
        return budgets.MaxBudget is not { } max || campaign.IsFinished
            ? null
            : new BudgetForm(campaign.Id, campaign.Budget ?? max, campaign.Budget is null, max);
    }

    /// <summary>Whether a raise is possible at all: a budget already at the maximum can only be cancelled.</summary>
    public bool CanRaise => InForce < Maximum;
}
