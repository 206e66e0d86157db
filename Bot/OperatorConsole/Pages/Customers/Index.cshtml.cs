using ConversationBot.Notifications.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Customers;

/// <summary>
/// A customer's subscriptions on a channel with their consent history; never their consent tokens. What every
/// store holds of them is counted on the erase page only (Erase.cshtml.cs): it reads every store, so a
/// look-up stays a single indexed read.
/// </summary>
public sealed class IndexModel(ISubscriptionStore subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Customer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stopped { get; set; }

    public IReadOnlyList<Subscription>? Subscriptions { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Channel = Channel?.Trim();
        Customer = Customer?.Trim();
        if (!string.IsNullOrEmpty(Channel) && !string.IsNullOrEmpty(Customer))
        {
            Subscriptions = [.. (await subscriptions.ListByCustomerAsync(Channel, Customer, cancellationToken).ConfigureAwait(false)).OrderBy(s => s.TopicId, StringComparer.Ordinal)];
        }
    }
}
