namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// A campaign's Marketing Messages budget (docs/marketing-messages.md, "Budgets"): the most its Meta campaign may
/// spend, in the ad account currency's minor unit (5000 = 50.00). Optional; without one the Meta campaign gets
/// the configured maximum. Given, it must be a positive amount no larger than that maximum, and Marketing
/// Messages must be configured at all. <see cref="MaxBudget"/> <c>null</c>: Marketing Messages is not configured.
/// </summary>
public sealed record CampaignBudgetRule(long? MaxBudget)
{
    public static CampaignBudgetRule NotConfigured { get; } = new((long?)null);

    /// <summary>Every rule <paramref name="budget"/> breaks, under the request's field <c>budget</c>.</summary>
    public IReadOnlyList<FieldError> Validate(long? budget)
    {
        if (budget is not { } amount)
        {
            return [];
        }

        if (amount <= 0)
        {
            return [new FieldError("budget", "must be a positive amount in the ad account currency's minor unit (5000 = 50.00).")];
        }

        if (MaxBudget is not { } max)
        {
            return [new FieldError("budget", "is for Marketing Messages, which this deployment does not use (Messenger:MarketingMessages:AdAccountId, AccessToken and MaxCampaignBudget are not set).")];
        }

        return amount > max
            ? [new FieldError("budget", $"must be at most {max} (Messenger:MarketingMessages:MaxCampaignBudget).")]
            : [];
    }

    /// <summary>
    /// Every rule a raise of a running campaign's budget to <paramref name="budget"/> breaks, under <c>budget</c>: the
    /// rules of a new budget, and more than the one in force (<paramref name="current"/>, else the maximum). A budget is
    /// only raised: what Meta has charged stays charged, a lifetime budget below the spend is refused by Meta, and an
    /// operator who wants fewer messages cancels the campaign (docs/marketing-messages.md, "Budgets").
    /// </summary>
    public IReadOnlyList<FieldError> ValidateRaise(long? current, long? budget)
    {
        if (budget is null)
        {
            return [new FieldError("budget", "is required: the new budget in the ad account currency's minor unit (5000 = 50.00).")];
        }

        var errors = Validate(budget);
        if (errors.Count > 0)
        {
            return errors;
        }

        var inForce = current ?? MaxBudget!.Value;
        return budget <= inForce
            ? [new FieldError("budget", $"must be more than the budget in force ({inForce}): a budget is raised, not lowered; cancel the campaign to send no more.")]
            : [];
    }
}
