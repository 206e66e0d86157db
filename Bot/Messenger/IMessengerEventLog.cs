namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Which webhook events have been processed, so that Meta's retry of a POST (it retries whatever
/// did not get a 200) runs each event's turn once. An event is claimed before its turn, completed
/// after it, and released when the turn could not run, so the retry runs it. Each reply the turn
/// sends is recorded with the event (its outbox), so a turn run again (taken over from a process
/// that died, or redelivered after a failure) sends only what did not go out the first time.
/// </summary>
public interface IMessengerEventLog
{
    Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken);

    /// <summary>Records that one reply of the event's turn went out (<see cref="MessengerOutbox"/> fingerprints it).</summary>
    Task RecordSentAsync(string eventKey, string reply, CancellationToken cancellationToken);

    Task CompleteAsync(string eventKey, CancellationToken cancellationToken);

    /// <summary>Gives the event back for a redelivery at once; the replies it sent stay recorded.</summary>
    Task ReleaseAsync(string eventKey, CancellationToken cancellationToken);

    /// <summary>
    /// Sets aside an event that can never run (unreadable, or its turn failed for good), with the
    /// reason and the event as it came. Final, like done: redeliveries of it are skipped.
    /// </summary>
    Task SetAsideAsync(string eventKey, string rawEvent, string reason, CancellationToken cancellationToken);

    /// <summary>The events set aside, newest first, for operators.</summary>
    Task<IReadOnlyList<SetAsideEvent>> ListSetAsideAsync(int max, CancellationToken cancellationToken);
}
