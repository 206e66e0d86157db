namespace ConversationBot.Notifications.Customers;

/// <summary>
/// Erases one customer from every store that registered <see cref="ICustomerRecords"/>, one store after
/// another. Each store's erase is idempotent, so a failure part-way is answered by running the whole
/// erasure again: stores already empty of the customer report 0.
/// </summary>
public sealed class CustomerErasure(IEnumerable<ICustomerRecords> stores)
{
    private readonly IReadOnlyList<ICustomerRecords> stores = [.. stores];

    /// <summary>The names of the stores an erasure reaches, in the order it reaches them.</summary>
    public IReadOnlyList<string> StoreNames => [.. stores.Select(s => s.Name)];

    public async Task<CustomerRecordCounts> EraseAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var pseudonym = CustomerPseudonym.New();
        var erased = new List<CustomerRecordCount>(stores.Count);
        foreach (var store in stores)
        {
            erased.Add(new CustomerRecordCount(store.Name, await store.EraseAsync(customer, pseudonym, cancellationToken).ConfigureAwait(false)));
        }

        return new CustomerRecordCounts(customer, erased);
    }

    /// <summary>What every store holds about the customer now (the console's "data held", the erasure tests).</summary>
    public async Task<CustomerRecordCounts> CountAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var held = new List<CustomerRecordCount>(stores.Count);
        foreach (var store in stores)
        {
            held.Add(new CustomerRecordCount(store.Name, await store.CountAsync(customer, cancellationToken).ConfigureAwait(false)));
        }

        return new CustomerRecordCounts(customer, held);
    }
}
