namespace ConversationBot.Notifications.Errors;

/// <summary>
/// A channel's platform refused a send. Carries the refusal as the domain reads it, so whoever made
/// the send can classify it (<see cref="PlatformErrorClassifier"/>) and change state accordingly.
/// </summary>
public class PlatformRefusedException : Exception
{
    public PlatformRefusedException()
        : this("The platform refused the send.", new PlatformError(null, null, null, null))
    {
    }

    public PlatformRefusedException(string message)
        : this(message, new PlatformError(null, null, null, message))
    {
    }

    public PlatformRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new PlatformError(null, null, null, message);
    }

    public PlatformRefusedException(string message, PlatformError error)
        : base(message)
    {
        Error = error;
    }

    public PlatformError Error { get; }
}
