using ConversationBot.Notifications.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Notifications.Campaigns;

/// <summary>
/// Raising a campaign's budget (Notifications/Campaigns/Campaign.cs RaiseBudget, CampaignBudgetRule.ValidateRaise): only up,
/// within the maximum; a campaign held by a send's answer is due at once, a wave's wait is left alone.
/// </summary>
public class CampaignBudgetRaiseTests
{
    private static readonly CampaignBudgetRule Rule = new(5000);

    [Theory]
    [InlineData(2500L, 2501L, null)]
    [InlineData(null, 4000L, "must be more than the budget in force (5000): a budget is raised, not lowered; cancel the campaign to send no more.")]
    [InlineData(2500L, 2500L, "must be more than the budget in force (2500): a budget is raised, not lowered; cancel the campaign to send no more.")]
    [InlineData(2500L, 5001L, "must be at most 5000 (Messenger:MarketingMessages:MaxCampaignBudget).")]
    [InlineData(2500L, null, "is required: the new budget in the ad account currency's minor unit (5000 = 50.00).")]
    public void A_raise_is_more_than_the_budget_in_force_and_within_the_maximum(long? current, long? raised, string? problem)
    {
        var errors = Rule.ValidateRaise(current, raised);

        Assert.Equal(problem is null ? [] : [new FieldError("budget", problem)], errors);
    }

    [Fact]
    public void A_campaign_held_by_a_spent_budget_is_due_at_once_when_it_is_raised()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var campaign = Running(clock, budget: 700);
        campaign.PutOff(clock.GetUtcNow().AddHours(1), "Marketing Messages 2300053: the campaign lifetime budget has been reached");
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(campaign.IsDueAt(clock.GetUtcNow()));
        Assert.NotNull(campaign.HeldReasonAt(clock.GetUtcNow()));

        Assert.True(campaign.RaiseBudget(1000, clock.GetUtcNow()));

        Assert.Equal(1000, campaign.Budget);
        Assert.True(campaign.IsDueAt(clock.GetUtcNow()));
        Assert.Null(campaign.HeldReasonAt(clock.GetUtcNow()));
    }

    [Fact]
    public void A_campaign_waiting_for_its_next_wave_keeps_waiting_when_its_budget_is_raised()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var campaign = Running(clock, budget: 700);
        campaign.PutOff(clock.GetUtcNow().AddHours(3));

        Assert.False(campaign.RaiseBudget(1000, clock.GetUtcNow()));

        Assert.Equal(1000, campaign.Budget);
        Assert.False(campaign.IsDueAt(clock.GetUtcNow()));
    }

    [Fact]
    public void A_hold_that_ran_out_is_no_longer_reported()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var campaign = Running(clock, budget: 700);
        campaign.PutOff(clock.GetUtcNow().AddHours(1), "Marketing Messages 2300003: warming up");

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(campaign.HeldReasonAt(clock.GetUtcNow()));
        Assert.False(campaign.RaiseBudget(1000, clock.GetUtcNow()));
    }

    private static Campaign Running(FakeTimeProvider clock, long budget)
    {
        var campaign = Campaign.Create("c1", "weekly-deals", LocalizedContent.OneLanguage(new CampaignContent("Deals", null, []), "en"), null, null, null, clock.GetUtcNow(), budget: budget);
        Assert.True(campaign.TryAcquireLease("a", clock.GetUtcNow(), TimeSpan.FromMinutes(1)));
        return campaign;
    }
}
