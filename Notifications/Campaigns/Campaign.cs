using ConversationBot.Notifications.Timing;

namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// One push of one message to a topic's active subscribers: now, at a time, or fired by a schedule.
/// The fan-out walks the topic in pages, each a work item of its own with its outcomes
/// (<c>Delivery/Work/CampaignWorkItem</c>); the campaign's <see cref="Counts"/> take the items' counts when
/// it completes. <see cref="Cursor"/> is where a campaign started before work items existed had got to:
/// its first item starts there.
/// Its lease (<see cref="LeaseOwner"/> until <see cref="LeaseExpiresAt"/>, taken through the store's
/// optimistic concurrency) is held only while one instance starts it: counts the audience and creates
/// the first work item. After that every instance works its items (<c>Delivery/Work/CampaignWorkItem</c>).
/// </summary>
public sealed class Campaign
{
    private Campaign(CampaignSnapshot s)
    {
        Id = s.Id;
        TopicId = s.TopicId;
        Content = s.Content;
        CreatedAt = s.CreatedAt;
        StartAt = s.StartAt;
        EndAt = s.EndAt;
        ScheduleId = s.ScheduleId;
        Status = s.Status;
        StartedAt = s.StartedAt;
        FinishedAt = s.FinishedAt;
        FinishReason = s.FinishReason;
        Cursor = s.Cursor;
        Counts = s.Counts;
        Audience = s.Audience;
        LeaseOwner = s.LeaseOwner;
        LeaseExpiresAt = s.LeaseExpiresAt;
        ResumeAt = s.ResumeAt;
        Version = s.Version;
        Localized = s.Localized;
        Segment = s.Segment ?? CampaignSegment.Everyone;
        LocalTime = s.LocalTime;
        IgnoresQuietHours = s.IgnoresQuietHours;
        WaveFrom = s.WaveFrom;
        WaveUntil = s.WaveUntil;
        Waiting = s.Waiting;
        NextWaveAt = s.NextWaveAt;
        Pass = s.Pass;
        Budget = s.Budget;
        HeldReason = s.HeldReason;
    }

    public string Id { get; }

    public string TopicId { get; }

    /// <summary>The default language's version (every subscriber's, when <see cref="Localized"/> is <c>null</c>).</summary>
    public CampaignContent Content { get; }

    /// <summary>The versions per language; <c>null</c> for a campaign created before languages (everyone gets <see cref="Content"/>).</summary>
    public LocalizedContent? Localized { get; }

    /// <summary>Which of the topic's subscribers it is for.</summary>
    public CampaignSegment Segment { get; }

    /// <summary>"At 09:00 local": each subscriber at that time in their zone; <c>null</c>: at the start.</summary>
    public LocalSendTime? LocalTime { get; }

    /// <summary>Sent also inside the subscribers' quiet hours: only ever by the operator's explicit choice, kept here as the record of it.</summary>
    public bool IgnoresQuietHours { get; }

    /// <summary>The most its Meta campaign may spend on Marketing Messages, in minor units (<see cref="CampaignBudgetRule"/>); <c>null</c>: the configured maximum.</summary>
    public long? Budget { get; private set; }

    /// <summary>
    /// Why a send's answer holds the campaign until <see cref="ResumeAt"/> (its Meta campaign's budget spent, the
    /// Meta campaign warming up, a request Meta refuses); <c>null</c> when it is not held, or only waits for a
    /// wave or a paused Page. A raised budget wakes a held campaign at once (<see cref="RaiseBudget"/>).
    /// </summary>
    public string? HeldReason { get; private set; }

    /// <summary><see cref="HeldReason"/> while the hold lasts at <paramref name="now"/>; a hold that ran out is not cleared in the store until the next one.</summary>
    public string? HeldReasonAt(DateTimeOffset now) => ResumeAt is { } resume && resume > now && !IsFinished ? HeldReason : null;

    /// <summary>
    /// The campaign goes out in waves (a pass over the topic each): a pass sends the subscribers due
    /// after <see cref="WaveFrom"/> (exclusive; <c>null</c> on the first) and up to <see cref="WaveUntil"/>,
    /// fixed when the pass starts, so every subscriber falls in exactly one pass, across restarts and instances.
    /// </summary>
    public DateTimeOffset? WaveFrom { get; private set; }

    /// <inheritdoc cref="WaveFrom"/>
    public DateTimeOffset? WaveUntil { get; private set; }

    /// <summary>Subscribers this pass found not due yet (their local time or the end of their quiet hours is later).</summary>
    public long Waiting { get; private set; }

    /// <summary>When the next of them is due: the next pass starts then.</summary>
    public DateTimeOffset? NextWaveAt { get; private set; }

    /// <summary>
    /// Which pass over the topic runs: 0 for the first, one more for each wave after it. Every work item
    /// belongs to one pass, so the runner tells this pass's pages from an earlier pass's finished ones.
    /// </summary>
    public int Pass { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Not sent before this instant.</summary>
    public DateTimeOffset StartAt { get; }

    /// <summary>Nothing is sent after this instant; subscribers not reached by then are left out.</summary>
    public DateTimeOffset? EndAt { get; }

    /// <summary>The schedule that fired this campaign; <c>null</c> for one created by hand.</summary>
    public string? ScheduleId { get; }

    public CampaignStatus Status { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? FinishReason { get; private set; }

    /// <summary>The subscriber paging continuation after the last finished page; <c>null</c> before the first.</summary>
    public string? Cursor { get; private set; }

    public DeliveryCounts Counts { get; private set; }

    /// <summary>The topic's active subscribers when the campaign started, for "left" while it runs.</summary>
    public long? Audience { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>Set when the campaign was put off (the page is restricted from sending): not worked before this instant.</summary>
    public DateTimeOffset? ResumeAt { get; private set; }

    /// <summary>The store's concurrency counter this instance was loaded at (0 = new).</summary>
    public long Version { get; }

    public bool IsFinished => Status is CampaignStatus.Completed or CampaignStatus.Cancelled;

    /// <summary>Subscribers not reached yet, as far as the audience at the start tells; <c>null</c> before the start.</summary>
    public long? Left => IsFinished ? 0 : Audience is { } audience ? Math.Max(0, audience - Counts.Total - Waiting) : null;

    /// <summary>A new campaign. <paramref name="sendAt"/> <c>null</c> or in the past means now.</summary>
    public static Campaign Create(
        string id,
        string topicId,
        CampaignContent content,
        DateTimeOffset? sendAt,
        DateTimeOffset? endAt,
        DateTimeOffset now,
        string? scheduleId = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Create(id, topicId, content, null, null, sendAt, endAt, now, scheduleId, null, false, null);
    }

    /// <summary>A new campaign in one or more languages, to the whole topic or a <paramref name="segment"/> of it.</summary>
    public static Campaign Create(
        string id,
        string topicId,
        LocalizedContent content,
        CampaignSegment? segment,
        DateTimeOffset? sendAt,
        DateTimeOffset? endAt,
        DateTimeOffset now,
        string? scheduleId = null,
        LocalSendTime? localTime = null,
        bool ignoresQuietHours = false,
        long? budget = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Create(id, topicId, content.DefaultVersion(), content, segment, sendAt, endAt, now, scheduleId, localTime, ignoresQuietHours, budget);
    }

    /// <summary>
    /// The message for a subscriber whose language is <paramref name="language"/> (as the bot speaks it):
    /// that language's version, else the default language's.
    /// </summary>
    public CampaignContent ContentFor(string language) => Localized?.For(language) ?? Content;

    private static Campaign Create(
        string id, string topicId, CampaignContent content, LocalizedContent? localized, CampaignSegment? segment,
        DateTimeOffset? sendAt, DateTimeOffset? endAt, DateTimeOffset now, string? scheduleId, LocalSendTime? localTime, bool ignoresQuietHours, long? budget)
    {
        Require(id, nameof(id));
        Require(topicId, nameof(topicId));
        var errors = Validate(content, sendAt, endAt, now).Concat((localized?.Versions.Values ?? []).SelectMany(v => v.Validate())).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(content));
        }

        var startAt = sendAt is { } at && at > now ? at : now;
        return new Campaign(new CampaignSnapshot(
            id, topicId, content, now, startAt, endAt, scheduleId, CampaignStatus.Scheduled, null, null, null, null, default, null, null, null, null, 0,
            localized, segment is null || segment.IsEveryone ? null : segment, localTime, ignoresQuietHours, Budget: budget));
    }

    /// <summary>The rules <see cref="Create"/> enforces, as field errors an API can return.</summary>
    public static IReadOnlyList<FieldError> Validate(CampaignContent content, DateTimeOffset? sendAt, DateTimeOffset? endAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<FieldError>(content.Validate());
        var startAt = sendAt is { } at && at > now ? at : now;
        if (endAt is { } end && end <= startAt)
        {
            errors.Add(new FieldError("endAt", "must be after the send time."));
        }

        return errors;
    }

    public static Campaign Restore(CampaignSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Require(snapshot.Id, nameof(snapshot.Id));
        Require(snapshot.TopicId, nameof(snapshot.TopicId));
        ArgumentNullException.ThrowIfNull(snapshot.Content);
        return new Campaign(snapshot);
    }

    public CampaignSnapshot ToSnapshot() => new(
        Id, TopicId, Content, CreatedAt, StartAt, EndAt, ScheduleId, Status, StartedAt, FinishedAt, FinishReason,
        Cursor, Counts, Audience, LeaseOwner, LeaseExpiresAt, ResumeAt, Version, Localized, Segment.IsEveryone ? null : Segment,
        LocalTime, IgnoresQuietHours, WaveFrom, WaveUntil, Waiting, NextWaveAt, Pass, Budget, HeldReason);

    /// <summary>Whether an instance may take the campaign up at <paramref name="now"/>: started, not finished, not put off, and nobody's live lease on it.</summary>
    public bool IsDueAt(DateTimeOffset now) =>
        !IsFinished
        && StartAt <= now
        && (ResumeAt is not { } resume || resume <= now)
        && (LeaseExpiresAt is not { } leaseEnd || leaseEnd <= now);

    public bool HoldsLease(string owner, DateTimeOffset now) =>
        LeaseOwner == owner && LeaseExpiresAt is { } end && now < end && !IsFinished;

    /// <summary>
    /// Takes (or renews) the lease for <paramref name="owner"/>. Only in memory: the store's
    /// optimistic save decides who really holds it when two instances try at once.
    /// </summary>
    public bool TryAcquireLease(string owner, DateTimeOffset now, TimeSpan duration)
    {
        Require(owner, nameof(owner));
        if (!HoldsLease(owner, now) && !IsDueAt(now))
        {
            return false;
        }

        Status = CampaignStatus.Running;
        StartedAt ??= now;
        ResumeAt = null;
        HeldReason = null;
        if (Cursor is null && WaveUntil is null)
        {
            // A pass begins: it sends whoever is due by now; later ones wait for a later pass.
            WaveUntil = now;
            Waiting = 0;
            NextWaveAt = null;
        }

        LeaseOwner = owner;
        LeaseExpiresAt = now + duration;
        return true;
    }

    /// <summary>The audience at the start, recorded once.</summary>
    public void RecordAudience(long activeSubscribers)
    {
        Audience ??= Math.Max(0, activeSubscribers);
    }

    /// <summary>A page is done: its outcomes are counted, the fan-out continues after it, and the lease is renewed.</summary>
    public void RecordPage(DeliveryCounts pageCounts, string? nextCursor, DateTimeOffset now, TimeSpan leaseDuration)
    {
        EnsureRunning();
        Counts += pageCounts;
        Cursor = nextCursor;
        LeaseExpiresAt = now + leaseDuration;
    }

    /// <summary>A page found <paramref name="waiting"/> subscribers not due in this pass, the next of them at <paramref name="nextDueAt"/>.</summary>
    public void RecordWaiting(long waiting, DateTimeOffset? nextDueAt)
    {
        Waiting += Math.Max(0, waiting);
        if (nextDueAt is { } next && (NextWaveAt is not { } known || next < known))
        {
            NextWaveAt = next;
        }
    }

    /// <summary>
    /// The pass walked the whole topic: with subscribers still waiting (and due before the end time) the
    /// campaign is put off until the next is due and the next pass starts from the first page; true then.
    /// False when nobody waits: the campaign is complete.
    /// </summary>
    public bool TryScheduleNextWave()
    {
        EnsureRunning();
        if (NextWaveAt is not { } next || (EndAt is { } end && next >= end))
        {
            return false;
        }

        WaveFrom = WaveUntil;
        WaveUntil = null;
        Cursor = null;
        Pass++;
        PutOff(next);
        return true;
    }

    /// <summary>
    /// A pass after the first begins when an instance takes the campaign up again: it sends whoever is due
    /// by <paramref name="now"/>. Saved before the pass's first work item exists, so no instance works a page
    /// of it without the bound. False when the pass has its bound already.
    /// </summary>
    public bool TryBeginPass(DateTimeOffset now)
    {
        EnsureRunning();
        if (WaveUntil is not null)
        {
            return false;
        }

        WaveUntil = now;
        Waiting = 0;
        NextWaveAt = null;
        return true;
    }

    /// <summary>Gives the lease back so another instance (or this one, later) can continue at once.</summary>
    public void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }

    /// <summary>
    /// Puts the rest of the campaign off until <paramref name="until"/> (the page may not send before), releasing the lease;
    /// <paramref name="heldReason"/>: why a send's answer holds it (<see cref="HeldReason"/>), <c>null</c> for a wave or a paused Page.
    /// </summary>
    public void PutOff(DateTimeOffset until, string? heldReason = null)
    {
        EnsureRunning();
        ResumeAt = until;
        HeldReason = heldReason;
        ReleaseLease();
    }

    /// <summary>
    /// The operator raised the budget (checked by <see cref="CampaignBudgetRule.ValidateRaise"/>). A campaign held by a
    /// send's answer (<see cref="HeldReason"/>) is due again at <paramref name="now"/> instead of after the recheck: the
    /// budget is the likeliest reason it was held, and a hold for another reason costs one refused send and holds it
    /// again. True when it was woken. A wave's wait or a paused Page is not touched: the budget changes neither.
    /// </summary>
    public bool RaiseBudget(long budget, DateTimeOffset now)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"Campaign {Id} is {Status}: its budget is final.");
        }

        Budget = budget;
        if (HeldReason is null || ResumeAt is not { } resume || resume <= now)
        {
            return false;
        }

        ResumeAt = now;
        HeldReason = null;
        return true;
    }

    public bool HasEndedAt(DateTimeOffset now) => EndAt is { } end && now >= end;

    public bool Complete(DateTimeOffset now, string reason)
    {
        if (IsFinished)
        {
            return false;
        }

        Finish(CampaignStatus.Completed, now, reason);
        return true;
    }

    /// <summary>
    /// Every work item is done: their counts join what the campaign counted itself (pages worked before
    /// it was split into items) and it completes. Called once, by whoever finds the last item done.
    /// </summary>
    public bool CompleteWithItems(DeliveryCounts items, DateTimeOffset now, string reason)
    {
        if (IsFinished)
        {
            return false;
        }

        Counts += items;
        Finish(CampaignStatus.Completed, now, reason);
        return true;
    }

    /// <summary>An operator stops the campaign; a page being sent finishes, nothing after it goes out.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        if (IsFinished)
        {
            return false;
        }

        Finish(CampaignStatus.Cancelled, now, "cancelled");
        return true;
    }

    private void Finish(CampaignStatus status, DateTimeOffset now, string reason)
    {
        Status = status;
        FinishedAt = now;
        FinishReason = reason;
        ResumeAt = null;
        HeldReason = null;
        ReleaseLease();
    }

    private void EnsureRunning()
    {
        if (Status != CampaignStatus.Running)
        {
            throw new InvalidOperationException($"Campaign {Id} is {Status}, not running.");
        }
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }
}
