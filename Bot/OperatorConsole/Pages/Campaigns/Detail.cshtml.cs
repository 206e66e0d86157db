using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Products.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Campaigns;

/// <summary>
/// One campaign: what it sends to whom, and its progress, which the page keeps current while it runs (<c>?handler=progress</c>,
/// polled by /console/progress.js); and its report per product as it was when the page was drawn (docs/marketing-messages.md, "The report").
/// </summary>
public sealed class DetailModel(
    ICampaignStore campaigns, CampaignLiveProgress live, CampaignProductFigures products, MetaCampaignSpend spending, CampaignBudgetRule budgets, TimeProvider clock) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public ProgressBar Progress { get; private set; } = null!;

    public IReadOnlyList<ProductFigures> Products { get; private set; } = [];

    /// <summary>What the Marketing Messages line cost by Meta's insights (read at most once a minute); <c>null</c> when it had none.</summary>
    public MarketingMessagesSpend? Spend { get; private set; }

    /// <summary>The Marketing Messages budget and its raise form; <c>null</c> without Marketing Messages or once finished.</summary>
    public BudgetForm? Budget { get; private set; }

    /// <summary>Why a send's answer holds the campaign now (its budget spent, say), while the hold lasts.</summary>
    public string? HeldReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return NotFound();
        }

        Campaign = campaign;
        Progress = ProgressBar.Of(campaign, await live.CountsAsync(campaign, cancellationToken).ConfigureAwait(false));
        Products = await products.OfAsync(campaign.Id, cancellationToken).ConfigureAwait(false);
        Spend = await spending.OfAsync(campaign.Id, ProductFigures.DeliveredThroughMarketingMessages(Products), cancellationToken).ConfigureAwait(false);
        Budget = BudgetForm.Of(campaign, budgets);
        HeldReason = campaign.HeldReasonAt(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnGetProgressAsync(string id, CancellationToken cancellationToken) =>
        await campaigns.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } campaign
            ? new JsonResult(ProgressBar.Of(campaign, await live.CountsAsync(campaign, cancellationToken).ConfigureAwait(false)))
            : NotFound();
}
