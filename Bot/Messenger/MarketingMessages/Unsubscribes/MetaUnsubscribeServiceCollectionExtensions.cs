using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Unsubscribes;

public static class MetaUnsubscribeServiceCollectionExtensions
{
    /// <summary>
    /// Stops and erasures reaching Meta's Unsubscribe API through the outbox: the subscription store (registered
    /// by the storage back end before this) wrapped so a stop's unsubscribe is kept before the stop is saved, the
    /// erasure's part, and the sender.
    /// </summary>
    public static IServiceCollection AddMetaUnsubscribes(this IServiceCollection services)
    {
        services.AddSingleton<MetaUnsubscribeSignal>();
        services.AddSingleton<MetaUnsubscribes>();
        services.AddSingleton<ICustomerRecords, MetaUnsubscribeRecords>();
        services.AddHostedService<MetaUnsubscribeSender>();

        // Without a store there is nothing to wrap (a host's settings checked on their own).
        if (services.LastOrDefault(d => d.ServiceType == typeof(ISubscriptionStore)) is not { } store)
        {
            return services;
        }

        services.Remove(store);
        services.AddSingleton<ISubscriptionStore>(sp => new UnsubscribingSubscriptionStore(Create(sp, store), sp.GetRequiredService<MetaUnsubscribes>()));
        return services;
    }

    private static ISubscriptionStore Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ISubscriptionStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
