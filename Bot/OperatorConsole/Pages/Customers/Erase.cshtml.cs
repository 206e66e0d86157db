using ConversationBot.Bot.Customers;
using ConversationBot.Notifications.Customers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Customers;

/// <summary>
/// Erasing a customer (role Customers.Manage): the page shows what every store holds of them and asks for
/// the customer id typed again, because nothing brings the data back; the post erases through the same
/// audited erasure as <c>DELETE /api/admin/customers/…</c> (Bot/Customers/AuditedErasure.cs).
/// </summary>
[Authorize(Policy = ConsoleAuthentication.CustomersPolicy)]
public sealed class EraseModel(AuditedErasure erasure) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Customer { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public CustomerRecordCounts? Held { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Key() is not { } customer)
        {
            return RedirectToPage("/Customers/Index");
        }

        Held = await erasure.CountAsync(customer, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Key() is not { } customer)
        {
            return BadRequest();
        }

        if (!string.Equals(Confirmation?.Trim(), customer.CustomerId, StringComparison.Ordinal))
        {
            Problem = "Type the customer id exactly as shown to confirm; nothing was erased.";
            Held = await erasure.CountAsync(customer, cancellationToken).ConfigureAwait(false);
            return Page();
        }

        var erased = await erasure.EraseAsync(customer, $"console user '{User.Identity?.Name}'", cancellationToken).ConfigureAwait(false);
        var message = erased.Total == 0
            ? $"Nothing of {customer.CustomerId} on {customer.ChannelId} was left to erase."
            : $"Erased {customer.CustomerId} on {customer.ChannelId}: {erased.Total} record(s) from {erased.Stores.Count(s => s.Records > 0)} store(s).";
        return RedirectToPage("/Customers/Index", new { channel = customer.ChannelId, customer = customer.CustomerId, stopped = message });
    }

    private CustomerKey? Key() =>
        string.IsNullOrWhiteSpace(Channel) || string.IsNullOrWhiteSpace(Customer) ? null : new CustomerKey(Channel.Trim(), Customer.Trim());
}
