using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Customers;

namespace ConversationBot.Bot.Customers;

/// <summary>A customer's open hand-offs (released ones are not kept: Dialogs/Handoff/IHandoffStore.cs), on either back end.</summary>
public sealed class HandoffRecords(IHandoffStore handoffs) : ICustomerRecords
{
    public string Name => "hand-offs";

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken) =>
        (await OfAsync(customer, cancellationToken).ConfigureAwait(false)).Count;

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        long erased = 0;
        foreach (var handoff in await OfAsync(customer, cancellationToken).ConfigureAwait(false))
        {
            erased += await handoffs.ReleaseAsync(handoff.ChannelId, handoff.ConversationId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return erased;
    }

    private async Task<List<Handoff>> OfAsync(CustomerKey customer, CancellationToken cancellationToken) =>
        [.. (await handoffs.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(h => h.CustomerId == customer.CustomerId && string.Equals(h.ChannelId, customer.ChannelId, StringComparison.OrdinalIgnoreCase))];
}
