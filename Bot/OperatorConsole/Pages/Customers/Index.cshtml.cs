using ConversationBot.Notifications.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Customers;

/// <summary>A customer's subscriptions on a channel, with what happened to each and when; never their consent tokens.</summary>
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
