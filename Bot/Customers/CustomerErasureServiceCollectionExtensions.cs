using ConversationBot.Notifications.Customers;

namespace ConversationBot.Bot.Customers;

public static class CustomerErasureServiceCollectionExtensions
{
    /// <summary>
    /// Erasing a customer, and the records both back ends reach through the same store contracts. Called before
    /// the back end registers its own (<c>Add*Storage</c>): <see cref="CustomerErasure"/> runs them in
    /// registration order, and the conversation state must be found (through the subscriptions and hand-offs)
    /// before those are erased.
    /// </summary>
    public static IServiceCollection AddCustomerErasure(this IServiceCollection services)
    {
        services.AddSingleton<CustomerErasure>();
        services.AddSingleton<AuditedErasure>();
        services.AddSingleton<ICustomerRecords, ConversationStateRecords>();
        services.AddSingleton<ICustomerRecords, HandoffRecords>();
        return services;
    }
}
