namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Which webhook events have been processed, so that Meta's retry of a POST (it retries whatever
/// did not get a 200) runs each event's turn once. An event is claimed before its turn, completed
/// after it, and released when the turn could not run, so the retry runs it.
/// </summary>
public interface IMessengerEventLog
{
    Task<MessengerEventClaim> ClaimAsync(string eventKey, CancellationToken cancellationToken);

    Task CompleteAsync(string eventKey, CancellationToken cancellationToken);

    Task ReleaseAsync(string eventKey, CancellationToken cancellationToken);
}
