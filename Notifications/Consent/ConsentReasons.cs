namespace ConversationBot.Notifications.Consent;

/// <summary>How a stop came about, in the words the consent history shows (<see cref="Subscriptions.Subscription.History"/>).</summary>
public static class ConsentReasons
{
    /// <summary>The platform's stop event (Messenger's "stop notifications" in the thread).</summary>
    public const string PlatformStop = "the customer stopped in the channel";

    /// <summary>A typed "stop" the bot understood (Dialogs/OptIns/ConsentCommands.cs).</summary>
    public const string TypedStop = "the customer typed stop";

    /// <summary>An operator stopped it on the customer's behalf (the console's customer page).</summary>
    public const string OperatorStop = "an operator stopped it on the customer's behalf";

    /// <summary>A send was refused because the person had stopped the topic (Notifications/Errors).</summary>
    public const string RefusedAsStopped = "the platform refused a send: the customer had stopped";
}
