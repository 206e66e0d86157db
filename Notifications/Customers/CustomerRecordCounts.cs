namespace ConversationBot.Notifications.Customers;

/// <summary>How many records one store holds (or erased) of a customer.</summary>
public sealed record CustomerRecordCount(string Store, long Records);

/// <summary>One count per store, in the erasure's order.</summary>
public sealed record CustomerRecordCounts(CustomerKey Customer, IReadOnlyList<CustomerRecordCount> Stores)
{
    public long Total => Stores.Sum(s => s.Records);
}
