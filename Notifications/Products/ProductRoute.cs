namespace ConversationBot.Notifications.Products;

/// <summary>
/// The product chosen for one subscriber's message, with the reason and the region it was judged by.
/// <see cref="Product"/> is <c>null</c> off Messenger (<see cref="ProductRouteReason.NotMessenger"/>) and when nothing
/// serves the subscriber (<see cref="ProductRouteReason.NoProductServes"/>).
/// </summary>
public sealed record ProductRoute(MessengerProduct? Product, ProductRouteReason Reason, string Detail)
{
    public static ProductRoute NotMessenger { get; } = new(null, ProductRouteReason.NotMessenger, "not a Messenger token");

    /// <summary>Whether a message can go: any product was chosen, or the channel needs none.</summary>
    public bool CanSend => Product is not null || Reason == ProductRouteReason.NotMessenger;

    public override string ToString() => Product is { } product ? $"{product}: {Reason} ({Detail})" : $"{Reason} ({Detail})";
}
