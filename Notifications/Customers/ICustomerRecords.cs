namespace ConversationBot.Notifications.Customers;

/// <summary>
/// What one store holds about a customer, so that erasing a customer (an operator's request, the
/// customer's right to be forgotten) reaches every store: each store that keeps anything keyed by,
/// or naming, a customer registers one of these. <see cref="CustomerErasure"/> runs them all.
/// </summary>
public interface ICustomerRecords
{
    /// <summary>A short name for logs, the console and the API's answer (e.g. <c>subscriptions</c>).</summary>
    string Name { get; }

    /// <summary>How many records of this customer the store holds now.</summary>
    Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every record of this customer, or, where a record must stay for a campaign's counts (a
    /// delivery record), puts <paramref name="pseudonym"/> where the customer's id was; idempotent: a second
    /// call finds nothing and returns 0. One erasure passes every store the same pseudonym, so the records
    /// it keeps still agree with each other (a campaign's page and its delivery records).
    /// </summary>
    /// <returns>How many records were removed or made pseudonymous.</returns>
    Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken);
}
