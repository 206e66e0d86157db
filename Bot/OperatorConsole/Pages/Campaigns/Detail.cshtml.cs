using ConversationBot.Bot.Delivery;
using ConversationBot.Notifications.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Campaigns;

/// <summary>One campaign: what it sends to whom, and its progress, which the page keeps current while it runs (<c>?handler=progress</c>, polled by /console/progress.js).</summary>
public sealed class DetailModel(ICampaignStore campaigns, CampaignLiveProgress live) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public ProgressBar Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return NotFound();
        }

        Campaign = campaign;
        Progress = ProgressBar.Of(campaign, await live.CountsAsync(campaign, cancellationToken).ConfigureAwait(false));
        return Page();
    }

    public async Task<IActionResult> OnGetProgressAsync(string id, CancellationToken cancellationToken) =>
        await campaigns.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } campaign
            ? new JsonResult(ProgressBar.Of(campaign, await live.CountsAsync(campaign, cancellationToken).ConfigureAwait(false)))
            : NotFound();
}
