using System.Text;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Campaigns;

/// <summary>
/// Who got a campaign, who did not and why, filtered by outcome and reason: <see cref="PageSize"/>
/// matches a page (reading at most <see cref="MaxStorePages"/> pages of records for them), and every
/// match as CSV (<c>?handler=csv</c>), streamed.
/// </summary>
public sealed class DeliveriesModel(ICampaignStore campaigns, IDeliveryStore deliveries) : PageModel
{
    public const int PageSize = 100;
    public const int MaxStorePages = 25;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public DeliveryState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<DeliveryRecord> Matches { get; private set; } = [];

    public string? Next { get; private set; }

    private DeliveryFilter Filter => new(State, Reason?.Trim());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(Id, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound();
        }

        (Matches, Next) = await Filter.FindAsync(deliveries, Id, After, PageSize, MaxStorePages, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(Id, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"deliveries-{string.Concat(Id.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(DeliveryCsv.Header).ConfigureAwait(false);
        await foreach (var record in Filter.AllAsync(deliveries, Id, cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteLineAsync(DeliveryCsv.Row(record)).ConfigureAwait(false);
        }

        return new EmptyResult();
    }
}
