using System.Globalization;
using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Notifications.Delivery.Work;

/// <summary>
/// One page of a running campaign's subscribers that any instance can claim on its own. Item
/// <see cref="Index"/> 0 starts where the campaign's paging starts; whoever first reads an item's page
/// records the page's subscription ids and the paging continuation after it (<see cref="Next"/>) and
/// then creates the next item, so the items appear one page ahead of the fastest reader and the
/// topic is read once. An item is claimed with a short lease (<see cref="Owner"/> until
/// <see cref="LeaseExpiresAt"/>), renewed while it is worked and saved with the store's optimistic
/// concurrency; a dead owner's lease runs out and another instance takes the item over.
/// </summary>
public sealed class CampaignWorkItem
{
    private CampaignWorkItem(CampaignWorkItemSnapshot s)
    {
        CampaignId = s.CampaignId;
        Index = s.Index;
        Start = s.Start;
        SubscriptionIds = s.SubscriptionIds;
        Next = s.Next;
        Status = s.Status;
        Owner = s.Owner;
        LeaseExpiresAt = s.LeaseExpiresAt;
        Counts = s.Counts;
        FinishedBy = s.FinishedBy;
        FinishedAt = s.FinishedAt;
        Version = s.Version;
        Pass = s.Pass;
        Waiting = s.Waiting;
        NextDueAt = s.NextDueAt;
    }

    public string CampaignId { get; }

    public int Index { get; }

    /// <summary>The subscriber paging continuation this item's page starts at; <c>null</c> for the topic's start.</summary>
    public string? Start { get; }

    /// <summary>
    /// The page as it was first read: whoever takes the item over works exactly these, so a subscriber
    /// who joined or left the topic in between cannot shift the page's end past the next item's start.
    /// A finished item lets them go (<see cref="Finish"/>): nobody works it again, and every instance lists
    /// the campaign's items on each item it takes, so a done page's ids would be read again and again
    /// (500 pages of 200 at 100,000 subscribers: every id parsed 250 times over a campaign; bench/README.md).
    /// </summary>
    public IReadOnlyList<string>? SubscriptionIds { get; private set; }

    /// <summary>Where the next item starts; <c>null</c> once read means this is the last page.</summary>
    public string? Next { get; private set; }

    public bool IsRead => SubscriptionIds is not null || IsDone;

    public bool IsLast => IsRead && Next is null;

    public CampaignWorkItemStatus Status { get; private set; }

    public string? Owner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public DeliveryCounts Counts { get; private set; }

    /// <summary>The instance that recorded the item's outcomes: the admin API's share per instance.</summary>
    public string? FinishedBy { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public long Version { get; }

    /// <summary>The campaign's pass (<see cref="Campaign.Pass"/>) this page belongs to; the next item inherits it.</summary>
    public int Pass { get; }

    /// <summary>Subscribers of the page not due in this pass, recorded with the outcomes: the pass's end sums them.</summary>
    public long Waiting { get; private set; }

    /// <summary>When the first of <see cref="Waiting"/> is due: the earliest over the pass's items starts the next pass.</summary>
    public DateTimeOffset? NextDueAt { get; private set; }

    public bool IsDone => Status == CampaignWorkItemStatus.Done;

    /// <summary>The store's key: the campaign and the index, zero-padded so that ids sort in page order.</summary>
    public string Id => IdFor(CampaignId, Index);

    public static string IdFor(string campaignId, int index) => string.Create(CultureInfo.InvariantCulture, $"{campaignId}|{index:D7}");

    public static CampaignWorkItem Create(string campaignId, int index, string? start, int pass = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(pass);
        return new CampaignWorkItem(new CampaignWorkItemSnapshot(campaignId, index, start, null, null, CampaignWorkItemStatus.Open, null, null, default, null, null, 0, pass));
    }

    public static CampaignWorkItem Restore(CampaignWorkItemSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.CampaignId);
        return new CampaignWorkItem(snapshot);
    }

    public CampaignWorkItemSnapshot ToSnapshot() =>
        new(CampaignId, Index, Start, SubscriptionIds, Next, Status, Owner, LeaseExpiresAt, Counts, FinishedBy, FinishedAt, Version, Pass, Waiting, NextDueAt);

    /// <summary>Open and nobody's live lease on it.</summary>
    public bool IsAvailableAt(DateTimeOffset now) => !IsDone && (LeaseExpiresAt is not { } end || end <= now);

    public bool HoldsLease(string owner, DateTimeOffset now) => !IsDone && Owner == owner && LeaseExpiresAt is { } end && now < end;

    /// <summary>Takes or renews the lease, in memory only: the store's optimistic save decides who holds it.</summary>
    public bool TryClaim(string owner, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (!HoldsLease(owner, now) && !IsAvailableAt(now))
        {
            return false;
        }

        Owner = owner;
        LeaseExpiresAt = now + lease;
        return true;
    }

    /// <summary>The page as first read. A page already recorded stays as it was: a second reader works the first one's page.</summary>
    public void RecordPage(IReadOnlyList<string> subscriptionIds, string? next)
    {
        ArgumentNullException.ThrowIfNull(subscriptionIds);
        if (IsRead)
        {
            return;
        }

        SubscriptionIds = [.. subscriptionIds];
        Next = next;
    }

    /// <summary>
    /// An erased customer's subscriptions in the recorded page now carry their pseudonym: ids starting with
    /// <paramref name="prefix"/> start with <paramref name="replacement"/> instead. False when none did.
    /// </summary>
    public bool ReplaceSubscriptionIds(string prefix, string replacement)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentException.ThrowIfNullOrEmpty(replacement);
        if (SubscriptionIds is not { } ids || !ids.Any(id => id.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return false;
        }

        SubscriptionIds = [.. ids.Select(id => id.StartsWith(prefix, StringComparison.Ordinal) ? replacement + id[prefix.Length..] : id)];
        return true;
    }

    /// <summary>The page's outcomes, and who of it waits for a later pass (<paramref name="waiting"/>, the first due at <paramref name="nextDueAt"/>).</summary>
    public void Finish(DeliveryCounts counts, string owner, DateTimeOffset now, long waiting = 0, DateTimeOffset? nextDueAt = null)
    {
        Status = CampaignWorkItemStatus.Done;
        Counts = counts;
        Waiting = Math.Max(0, waiting);
        NextDueAt = Waiting > 0 ? nextDueAt : null;
        FinishedBy = owner;
        FinishedAt = now;
        SubscriptionIds = null;
        Release();
    }

    /// <summary>
    /// Hands back a page worked in part because the campaign is put off (a hold, a paused Page): its outcomes so far
    /// (<paramref name="soFar"/>) are kept, so the campaign's progress counts them while it waits. Whoever works the
    /// page next counts its records again (it revisits the page and reads the records) and replaces them.
    /// </summary>
    public void Release(DeliveryCounts soFar)
    {
        Counts = soFar;
        Release();
    }

    /// <summary>Hands the item back (an orderly stop, a put-off page): the next instance that looks takes it at once.</summary>
    public void Release()
    {
        Owner = null;
        LeaseExpiresAt = null;
    }
}
