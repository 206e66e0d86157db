using ConversationBot.Notifications.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Campaigns;

/// <summary>Every campaign, optionally of one status, a page of <see cref="PageSize"/> at a time (the store's continuation).</summary>
public sealed class IndexModel(ICampaignStore campaigns) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public CampaignStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await campaigns.ListAsync(Status, After, PageSize, cancellationToken).ConfigureAwait(false);
        Campaigns = page.Campaigns;
        Next = page.Continuation;
    }
}
