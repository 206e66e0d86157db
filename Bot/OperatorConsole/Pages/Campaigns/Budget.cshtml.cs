using ConversationBot.Bot.Delivery;
using ConversationBot.Notifications.Campaigns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Campaigns;

/// <summary>
/// Raises a campaign's Marketing Messages budget (role Campaigns.Manage) through the same
/// <see cref="CampaignBudgetRaising"/> as <c>POST /api/admin/campaigns/{id}/budget</c>: Meta's campaign first, then
/// ours, a campaign held for its spent budget woken at once. Back to the campaign when it took; otherwise this page
/// shows the form again with why nothing changed.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.CampaignsPolicy)]
public sealed class BudgetModel(ICampaignStore campaigns, CampaignBudgetRule budgets, CampaignBudgetRaising raising) : PageModel
{
    public BudgetForm Form { get; private set; } = null!;

    public IActionResult OnGet(string id) => RedirectToPage("/Campaigns/Detail", new { id });

    public async Task<IActionResult> OnPostAsync(string id, string? budget, CancellationToken cancellationToken)
    {
        if (!long.TryParse(budget?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            return await ShowAsync(id, budget, "Nothing was changed: the budget must be a whole number in the ad account currency's minor unit (5000 = 50.00).", cancellationToken).ConfigureAwait(false);
        }

        var (raise, metaRefusal) = await raising.RaiseAsync(id, amount, cancellationToken).ConfigureAwait(false);
        if (metaRefusal is not null)
        {
            return await ShowAsync(id, budget, $"Meta did not take the new budget, so nothing was changed; send it again. {metaRefusal}", cancellationToken).ConfigureAwait(false);
        }

        if (raise is null)
        {
            return NotFound();
        }

        if (raise.Errors.Count > 0)
        {
            return await ShowAsync(id, budget, "Nothing was changed: the budget " + string.Join(" ", raise.Errors.Select(e => e.Message)), cancellationToken).ConfigureAwait(false);
        }

        // Raised, or the campaign finished meanwhile: its page says which.
        return RedirectToPage("/Campaigns/Detail", new { id });
    }

    private async Task<IActionResult> ShowAsync(string id, string? value, string problem, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return NotFound();
        }

        if (BudgetForm.Of(campaign, budgets) is not { } form)
        {
            return RedirectToPage("/Campaigns/Detail", new { id });
        }

        Form = form with { Value = value, Problem = problem };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
