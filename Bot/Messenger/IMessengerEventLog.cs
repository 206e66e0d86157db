namespace ConversationBot.Bot.Messenger;

/// <summary>
/// The webhook's inbox and the record of what each event's turn did. A POST's events are stored
/// (accepted) before Meta gets its 200, then run from here: an event is claimed before its turn,
/// completed after it, and released when the turn could not run, so it runs again. A claim a host
/// holds longer than <see cref="MessengerOptions.TurnLease"/> belongs to a host that stopped, and
/// another takes the event over. Each reply is recorded just before it is sent (the event's outbox),
/// so a turn run again sends only what cannot have gone out the first time.
/// </summary>
public interface IMessengerEventLog
{
    /// <summary>
    /// Stores a POST's events, in one write where the store allows: each new one as received (to run)
    /// or, with a reason, as set aside. An event known already (Meta delivered it again) stays as it is.
    /// </summary>
    /// <returns>The keys of the events that were new.</returns>
    Task<IReadOnlySet<string>> AcceptAsync(IReadOnlyList<AcceptedEvent> events, CancellationToken cancellationToken);

    /// <summary>Events received or claimed and not finished, in the order they were received: what a stopped host left.</summary>
    Task<IReadOnlyList<UnfinishedEvent>> ListUnfinishedAsync(int max, CancellationToken cancellationToken);

    Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken);

    /// <summary>Records, before it is sent, that one reply of the event's turn may go out (<see cref="MessengerOutbox"/> fingerprints it).</summary>
    Task RecordSendingAsync(string eventKey, string reply, CancellationToken cancellationToken);

    /// <summary>Takes back a reply recorded by <see cref="RecordSendingAsync"/> whose send certainly did not happen, so a later run sends it.</summary>
    Task ForgetSendingAsync(string eventKey, string reply, CancellationToken cancellationToken);

    Task CompleteAsync(string eventKey, CancellationToken cancellationToken);

    /// <summary>Gives the event back, claimable at once; the replies it recorded stay.</summary>
    Task ReleaseAsync(string eventKey, CancellationToken cancellationToken);

    /// <summary>
    /// Sets aside an event that can never run (unreadable, or its turn failed for good), with the
    /// reason and the event as it came. Final, like done: redeliveries of it are skipped.
    /// </summary>
    Task SetAsideAsync(string eventKey, string rawEvent, string reason, CancellationToken cancellationToken);

    /// <summary>The events set aside, newest first, for operators.</summary>
    Task<IReadOnlyList<SetAsideEvent>> ListSetAsideAsync(int max, CancellationToken cancellationToken);
}
