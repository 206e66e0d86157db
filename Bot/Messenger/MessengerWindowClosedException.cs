namespace ConversationBot.Bot.Messenger;

/// <summary>
/// A send that Messenger's rules forbid and that was therefore not attempted: an ordinary message
/// outside the 24-hour window, without a notification token.
/// </summary>
public sealed class MessengerWindowClosedException : Exception
{
    public MessengerWindowClosedException()
    {
    }

    public MessengerWindowClosedException(string message)
        : base(message)
    {
    }

    public MessengerWindowClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessengerWindowClosedException(string psid, DateTimeOffset? lastCustomerMessage)
        : base(lastCustomerMessage is { } last
            ? $"Messenger customer {psid} last wrote at {last:O}: the 24-hour window is closed; send with a notification token instead."
            : $"Messenger customer {psid} never wrote to the page: no window is open; send with a notification token instead.")
    {
        Psid = psid;
        LastCustomerMessage = lastCustomerMessage;
    }

    public string Psid { get; } = string.Empty;

    public DateTimeOffset? LastCustomerMessage { get; }
}
