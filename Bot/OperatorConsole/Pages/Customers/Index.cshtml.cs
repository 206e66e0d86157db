using ConversationBot.Bot.Customers;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Customers;

/// <summary>A customer's subscriptions on a channel with their consent history, and what each store holds of them; never their consent tokens.</summary>
public sealed class IndexModel(ISubscriptionStore subscriptions, AuditedErasure erasure) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Customer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stopped { get; set; }

    public IReadOnlyList<Subscription>? Subscriptions { get; private set; }

    /// <summary>What each store holds of the customer (the erasure's own count: Bot/Customers/AuditedErasure.cs).</summary>
    public CustomerRecordCounts? Held { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Channel = Channel?.Trim();
        Customer = Customer?.Trim();
        if (!string.IsNullOrEmpty(Channel) && !string.IsNullOrEmpty(Customer))
        {
            Subscriptions = [.. (await subscriptions.ListByCustomerAsync(Channel, Customer, cancellationToken).ConfigureAwait(false)).OrderBy(s => s.TopicId, StringComparer.Ordinal)];
            Held = await erasure.CountAsync(new CustomerKey(Channel, Customer), cancellationToken).ConfigureAwait(false);
        }
    }
}
