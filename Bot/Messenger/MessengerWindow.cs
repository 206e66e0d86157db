namespace ConversationBot.Bot.Messenger;

/// <summary>Messenger's standard messaging window: ordinary (RESPONSE) messages only within 24 hours of the customer's last message.</summary>
public static class MessengerWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public static bool IsOpen(DateTimeOffset? lastCustomerMessage, DateTimeOffset now) =>
        lastCustomerMessage is { } last && now < last + Length;
}
