using System.Collections.Concurrent;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>What the parallel sends of one step produced; written from several tasks at once.</summary>
internal sealed class SendBatch
{
    private readonly object _pauseLock = new();
    private readonly ConcurrentBag<(Reservation Item, FailedSend.Final Final)> _tokenRefusals = [];
    private int _tokensAccepted;

    public ConcurrentBag<DeliveryRecord> Outcomes { get; } = [];

    public ConcurrentBag<SubscriptionChange> SubscriptionChanges { get; } = [];

    /// <summary>Reserved but not sent (stopping, a pause): their claims are released and their reservations withdrawn.</summary>
    public ConcurrentBag<Reservation> HandedBack { get; } = [];

    /// <summary>The latest instant until which the page or the campaign may not send, if a send said so.</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    /// <summary>Why a send's answer holds the campaign (not set for a paused Page).</summary>
    public string? HeldReason { get; private set; }

    public int TokensAccepted => Volatile.Read(ref _tokensAccepted);

    public void Record(DeliveryRecord? outcome, SubscriptionChange? change = null)
    {
        if (outcome is not null)
        {
            Outcomes.Add(outcome);
        }

        if (change is not null)
        {
            SubscriptionChanges.Add(change);
        }
    }

    public void HandBack(Reservation item) => HandedBack.Add(item);

    public void TokenAccepted() => Interlocked.Increment(ref _tokensAccepted);

    public void RefuseToken(Reservation item, FailedSend.Final final) => _tokenRefusals.Add((item, final));

    public List<(Reservation Item, FailedSend.Final Final)> TakeTokenRefusals() => [.. _tokenRefusals];

    /// <param name="heldReason">Why the campaign is held; <c>null</c> when the Page is paused.</param>
    public void Pause(DateTimeOffset until, string? heldReason = null)
    {
        lock (_pauseLock)
        {
            PausedUntil = PausedUntil is { } current && current > until ? current : until;
            HeldReason ??= heldReason;
        }
    }
}
