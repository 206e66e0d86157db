using ConversationBot.Notifications.Campaigns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Campaigns;

/// <summary>Cancels a campaign (role Campaigns.Manage); the runner stops after the sends in flight. Back to the campaign either way.</summary>
[Authorize(Policy = ConsoleAuthentication.CampaignsPolicy)]
public sealed class CancelModel(CampaignService campaigns) : PageModel
{
    public IActionResult OnGet(string id) => RedirectToPage("/Campaigns/Detail", new { id });

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken) =>
        await campaigns.CancelAsync(id, cancellationToken).ConfigureAwait(false) is null
            ? NotFound()
            : RedirectToPage("/Campaigns/Detail", new { id });
}
