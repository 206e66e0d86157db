namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// A raise of a campaign's budget (<see cref="CampaignService.RaiseBudgetAsync"/>): the campaign as it is now;
/// <see cref="Errors"/> when the budget was refused (nothing changed); <see cref="Finished"/> when the campaign had
/// finished (nothing changed); <see cref="Woken"/> when a campaign held by a send's answer is due again at once.
/// </summary>
public sealed record CampaignBudgetRaise(Campaign Campaign, IReadOnlyList<FieldError> Errors, bool Woken)
{
    public bool Finished => Errors.Count == 0 && Campaign.IsFinished;

    public bool Raised => Errors.Count == 0 && !Campaign.IsFinished;
}
