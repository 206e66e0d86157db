using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Subscriptions;

/// <summary>
/// One customer's consent to one topic on one channel. On Messenger it holds the consent token
/// (docs/messenger-platform.md §3); elsewhere the opaque conversation reference that delivery continues.
/// State changes only through the behaviour methods, which return whether anything changed, so the
/// consent handler can tell a duplicate from news. Consent events carry the platform's timestamp:
/// an event older than <see cref="LastEventAt"/> never overrides a newer one (docs/messenger-platform.md §3,
/// "events can arrive twice and out of order").
/// </summary>
public sealed class Subscription
{
    private Subscription(SubscriptionSnapshot s)
    {
        Id = s.Id;
        TopicId = s.TopicId;
        Title = s.Title;
        ChannelId = s.ChannelId;
        CustomerId = s.CustomerId;
        Token = s.Token;
        ConversationReference = s.ConversationReference;
        Frequency = s.Frequency;
        TimeZoneId = s.TimeZoneId;
        ProfileName = s.ProfileName;
        OptedInAt = s.OptedInAt;
        ExpiresAt = s.ExpiresAt;
        Status = s.Status;
        StatusChangedAt = s.StatusChangedAt;
        RetirementReason = s.RetirementReason;
        LastSentAt = s.LastSentAt;
        NextEligibleAt = s.NextEligibleAt;
        Origin = s.Origin;
        LastEventAt = s.LastEventAt;
        Version = s.Version;
        Language = s.Language;
        history = [.. s.History ?? []];
        RegionRefusedBy = s.RegionRefusedBy;
        RegionRefusedAt = s.RegionRefusedAt;
        sendClaims = [.. s.SendClaims ?? []];
    }

    /// <summary>How many consent changes a subscription keeps: the newest, so a document never grows without bound.</summary>
    public const int MaxHistory = 20;

    /// <summary>
    /// How many campaigns' send claims a subscription keeps, the newest. A claim is needed until its
    /// campaign's page has recorded the outcome (seconds) or, after a crash, until another instance takes
    /// the page over (a lease, minutes, unless the campaign is put off); for an older claim to be dropped
    /// while still needed, four later campaigns would have to send to the same customer in between, which
    /// the per-token rules and the topics' promises space out by hours or days.
    /// </summary>
    public const int MaxSendClaims = 4;

    private readonly List<SendClaim> sendClaims;

    private readonly List<ConsentHistoryEntry> history;

    public string Id { get; }

    /// <summary>A configured topic id, or <see cref="Topic.UnknownId"/> for an unmatched unrequested opt-in.</summary>
    public string TopicId { get; }

    /// <summary>The opt-in request's title (<c>topic_title</c>), which is how Messenger tells topics apart.</summary>
    public string? Title { get; }

    public string ChannelId { get; }

    public string CustomerId { get; }

    /// <summary>Messenger's <c>notification_messages_token</c>; <c>null</c> off Messenger.</summary>
    public string? Token { get; private set; }

    /// <summary>Off Messenger: the serialized conversation reference delivery continues; opaque to the domain.</summary>
    public string? ConversationReference { get; private set; }

    /// <summary>The token's frequency (2022-era tokens only); <c>null</c> when the platform did not say.</summary>
    public Frequency? Frequency { get; private set; }

    /// <summary>IANA id; <c>null</c> or unknown means UTC (see <see cref="Periods.SubscriberTimeZone"/>).</summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>
    /// The customer's language (a two-letter code the bot speaks, e.g. <c>de</c>) when they opted in:
    /// campaigns pick their version by it. <c>null</c> for subscriptions stored before it was recorded,
    /// which get the fallback language (<see cref="Languages.SubscriberLanguages.Of"/>).
    /// </summary>
    public string? Language { get; private set; }

    /// <summary>The platform profile in force when the customer opted in.</summary>
    public string ProfileName { get; private set; }

    public DateTimeOffset OptedInAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public SubscriptionStatus Status { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    public string? RetirementReason { get; private set; }

    public DateTimeOffset? LastSentAt { get; private set; }

    /// <summary>The platform's <c>next_eligible_time</c> when it told us (token list, "too soon" error; docs/messenger-platform.md §4).</summary>
    public DateTimeOffset? NextEligibleAt { get; private set; }

    public SubscriptionOrigin Origin { get; private set; }

    /// <summary>The timestamp of the newest consent event applied; older events are ignored.</summary>
    public DateTimeOffset LastEventAt { get; private set; }

    /// <summary>The last <see cref="MaxHistory"/> consent changes, oldest first (empty for subscriptions stored before it was kept).</summary>
    public IReadOnlyList<ConsentHistoryEntry> History => history;

    /// <summary>
    /// The product Meta said does not serve this token's region (Marketing Messages: 2300032), so the
    /// other one is used from then on (<see cref="ProductRouter"/>); <c>null</c> while neither refused.
    /// </summary>
    public MessengerProduct? RegionRefusedBy { get; private set; }

    public DateTimeOffset? RegionRefusedAt { get; private set; }

    /// <summary>The campaigns' send claims on this subscription, oldest first (<see cref="ClaimSend"/>).</summary>
    public IReadOnlyList<SendClaim> SendClaims => sendClaims;

    /// <summary>The store's concurrency counter this instance was loaded at (0 = new).</summary>
    public long Version { get; }

    public bool IsMessenger => ChannelIds.IsMessenger(ChannelId);

    /// <summary>
    /// The store key: one subscription per (channel, customer, topic). Unmatched unrequested opt-ins
    /// are keyed by title as well, because Messenger issues one token per title.
    /// </summary>
    public static string IdFor(string channelId, string customerId, string topicId, string? title) =>
        topicId == Topic.UnknownId
            ? $"{IdPrefixFor(channelId, customerId)}{topicId}|{title?.Trim() ?? string.Empty}"
            : $"{IdPrefixFor(channelId, customerId)}{topicId}";

    /// <summary>What every <see cref="IdFor"/> of this customer starts with (erasure finds their records by it).</summary>
    public static string IdPrefixFor(string channelId, string customerId) => $"{channelId}|{customerId}|";

    /// <summary>A Messenger opt-in (webhook <c>messaging_optins</c>, docs/messenger-platform.md §3).</summary>
    public static Subscription OptInOnMessenger(
        string topicId,
        string? title,
        string customerId,
        string token,
        string? timeZoneId,
        Frequency? frequency,
        DateTimeOffset? expiresAt,
        string profileName,
        SubscriptionOrigin origin,
        DateTimeOffset at,
        string? language = null)
    {
        Require(token, nameof(token));
        return Create(topicId, title, ChannelIds.Messenger, customerId, token, null, timeZoneId, frequency, expiresAt, profileName, origin, at, language);
    }

    /// <summary>An "Allow" on a Bot Framework channel: delivery continues <paramref name="conversationReference"/>.</summary>
    public static Subscription OptInWithConversationReference(
        string topicId,
        string? title,
        string channelId,
        string customerId,
        string conversationReference,
        string? timeZoneId,
        Frequency? frequency,
        string profileName,
        DateTimeOffset at,
        string? language = null)
    {
        Require(conversationReference, nameof(conversationReference));
        if (ChannelIds.IsMessenger(channelId))
        {
            throw new ArgumentException("Messenger consent comes with a token; use OptInOnMessenger.", nameof(channelId));
        }

        return Create(topicId, title, channelId, customerId, null, conversationReference, timeZoneId, frequency, null, profileName, SubscriptionOrigin.RequestedByUs, at, language);
    }

    /// <summary>Rehydrates a stored subscription; checks the same invariants as the factories.</summary>
    public static Subscription Restore(SubscriptionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Require(snapshot.Id, nameof(snapshot.Id));
        Require(snapshot.TopicId, nameof(snapshot.TopicId));
        Require(snapshot.ChannelId, nameof(snapshot.ChannelId));
        Require(snapshot.CustomerId, nameof(snapshot.CustomerId));
        Require(snapshot.ProfileName, nameof(snapshot.ProfileName));
        if (ChannelIds.IsMessenger(snapshot.ChannelId))
        {
            Require(snapshot.Token, nameof(snapshot.Token));
        }
        else
        {
            Require(snapshot.ConversationReference, nameof(snapshot.ConversationReference));
        }

        return new Subscription(snapshot);
    }

    public SubscriptionSnapshot ToSnapshot() => new(
        Id, TopicId, Title, ChannelId, CustomerId, Token, ConversationReference, Frequency, TimeZoneId, ProfileName,
        OptedInAt, ExpiresAt, Status, StatusChangedAt, RetirementReason, LastSentAt, NextEligibleAt, Origin, LastEventAt, Version, Language, [.. history],
        RegionRefusedBy, RegionRefusedAt, sendClaims.Count == 0 ? null : [.. sendClaims]);

    public bool IsExpiredAt(DateTimeOffset now) => Status == SubscriptionStatus.Expired || (ExpiresAt is { } expiry && now >= expiry);

    /// <summary>Active and not past expiry: the customer's consent holds at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => Status == SubscriptionStatus.Active && !IsExpiredAt(now);

    /// <summary>
    /// The customer stopped the topic at <paramref name="at"/> (<paramref name="reason"/>: how, for the history).
    /// Ignored when older than the last event or not active.
    /// </summary>
    public bool Stop(DateTimeOffset at, string? reason = null)
    {
        if (at < LastEventAt || Status != SubscriptionStatus.Active)
        {
            return false;
        }

        SetStatus(SubscriptionStatus.Stopped, at);
        LastEventAt = at;
        Record(ConsentChange.Stopped, at, reason);
        return true;
    }

    /// <summary>
    /// The customer resumed at <paramref name="at"/>. Ignored when older than the last event or not
    /// stopped; a resume after the expiry marks the subscription expired instead, since the token is dead.
    /// </summary>
    public bool Resume(DateTimeOffset at)
    {
        if (at < LastEventAt || Status != SubscriptionStatus.Stopped)
        {
            return false;
        }

        LastEventAt = at;
        SetStatus(ExpiresAt is { } expiry && at >= expiry ? SubscriptionStatus.Expired : SubscriptionStatus.Active, at);
        Record(Status == SubscriptionStatus.Active ? ConsentChange.Resumed : ConsentChange.Expired, at, null);
        return true;
    }

    /// <summary>The platform said the token or the person is gone (docs/messenger-platform.md §5). Final until a new opt-in.</summary>
    public bool Retire(DateTimeOffset at, string reason)
    {
        if (Status == SubscriptionStatus.Retired)
        {
            return false;
        }

        SetStatus(SubscriptionStatus.Retired, at);
        RetirementReason = string.IsNullOrWhiteSpace(reason) ? "retired" : reason;
        Record(ConsentChange.Retired, at, RetirementReason);
        return true;
    }

    /// <summary>
    /// <paramref name="product"/> refused this token for its region at <paramref name="at"/>: the other
    /// product carries its messages from now on. When the other had refused already, nothing reaches the
    /// token and it is retired. False when this was known.
    /// </summary>
    public bool RefuseRegion(MessengerProduct product, DateTimeOffset at)
    {
        if (RegionRefusedBy == product)
        {
            return false;
        }

        if (RegionRefusedBy is { } other)
        {
            return Retire(at, $"neither {other} nor {product} serves this subscriber's region");
        }

        RegionRefusedBy = product;
        RegionRefusedAt = at;
        return true;
    }

    /// <summary>Marks the subscription expired once its expiry has passed; false before that or when not active/stopped.</summary>
    public bool Expire(DateTimeOffset at)
    {
        if (ExpiresAt is not { } expiry || at < expiry || Status is SubscriptionStatus.Expired or SubscriptionStatus.Retired)
        {
            return false;
        }

        SetStatus(SubscriptionStatus.Expired, at);
        Record(ConsentChange.Expired, at, null);
        return true;
    }

    /// <summary>A message went out at <paramref name="at"/>; the basis of both the promise and the per-token rule.</summary>
    public void RecordSent(DateTimeOffset at)
    {
        if (LastSentAt is null || at > LastSentAt)
        {
            LastSentAt = at;
        }

        if (NextEligibleAt is { } next && next <= at)
        {
            NextEligibleAt = null;
        }
    }

    /// <summary>The claim of <paramref name="campaignId"/>'s send to this subscription, if one was made.</summary>
    public SendClaim? SendClaimFor(string campaignId) => sendClaims.Find(c => c.CampaignId == campaignId);

    /// <summary>
    /// Claims <paramref name="campaignId"/>'s send for <paramref name="owner"/> and reserves the customer's
    /// period with it (<see cref="RecordSent"/>): saved together, so a second campaign running at the same
    /// time sees the period used and a second instance of the same campaign sees the claim. False (nothing
    /// changed) when the campaign has claimed this subscription already.
    /// </summary>
    public bool ClaimSend(string campaignId, string owner, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (SendClaimFor(campaignId) is not null)
        {
            return false;
        }

        sendClaims.Add(new SendClaim(campaignId, owner, at));
        if (sendClaims.Count > MaxSendClaims)
        {
            sendClaims.RemoveRange(0, sendClaims.Count - MaxSendClaims);
        }

        RecordSent(at);
        return true;
    }

    /// <summary>
    /// A send reserved with <see cref="ClaimSend"/> at <paramref name="reservedAt"/> did not go out: the
    /// campaign's claim is given back and the last send goes back to <paramref name="previousLastSentAt"/>,
    /// so the failure does not use up the customer's period. The period is left alone when a later send
    /// was recorded since.
    /// </summary>
    public bool WithdrawSend(string campaignId, DateTimeOffset reservedAt, DateTimeOffset? previousLastSentAt)
    {
        var released = sendClaims.RemoveAll(c => c.CampaignId == campaignId) > 0;

        // Stores keep instants to the millisecond, so the reserved instant comes back rounded.
        if (LastSentAt is not { } last || !StoredInstant.Same(last, reservedAt))
        {
            return released;
        }

        LastSentAt = previousLastSentAt;
        return true;
    }

    /// <summary>The platform's own next eligible time (docs/messenger-platform.md §4: the authority for "may I send now?").</summary>
    public void Reschedule(DateTimeOffset nextEligibleAt) => NextEligibleAt = nextEligibleAt;

    /// <summary>
    /// A re-opt-in renewed the consent (<c>user_token_status: REFRESHED</c>, docs/messenger-platform.md §3): the new
    /// token and expiry replace the old and the subscription is active again. Ignored when older than
    /// the last event or when nothing differs (a duplicate).
    /// </summary>
    public bool Refresh(string newToken, DateTimeOffset? newExpiry, DateTimeOffset at)
    {
        Require(newToken, nameof(newToken));
        if (at < LastEventAt || (newToken == Token && newExpiry == ExpiresAt && Status == SubscriptionStatus.Active))
        {
            return false;
        }

        Token = newToken;
        ExpiresAt = newExpiry;
        NextEligibleAt = null;
        RetirementReason = null;
        LastEventAt = at;
        if (Status != SubscriptionStatus.Active)
        {
            SetStatus(SubscriptionStatus.Active, at);
        }

        Record(ConsentChange.Refreshed, at, null);
        return true;
    }

    /// <summary>
    /// A new opt-in for a topic the customer held before (stopped, expired, retired, or a new token):
    /// the consent starts over. Ignored when older than the last event, or when it repeats the
    /// current consent (same token, still active). The language is kept unless the new opt-in names one.
    /// </summary>
    public bool RenewConsent(
        string? token,
        string? conversationReference,
        string? timeZoneId,
        Frequency? frequency,
        DateTimeOffset? expiresAt,
        string profileName,
        SubscriptionOrigin origin,
        DateTimeOffset at,
        string? language = null)
    {
        Require(profileName, nameof(profileName));
        if (IsMessenger)
        {
            Require(token, nameof(token));
        }
        else
        {
            Require(conversationReference, nameof(conversationReference));
        }

        if (at < LastEventAt
            || (Status == SubscriptionStatus.Active && Token == token && ConversationReference == conversationReference && !IsExpiredAt(at)))
        {
            return false;
        }

        Token = token;
        ConversationReference = conversationReference;
        TimeZoneId = timeZoneId;
        Frequency = frequency;
        ExpiresAt = expiresAt;
        ProfileName = profileName;
        Origin = origin;
        OptedInAt = at;
        Language = language ?? Language;
        NextEligibleAt = null;
        RetirementReason = null;
        LastEventAt = at;
        SetStatus(SubscriptionStatus.Active, at);
        Record(ConsentChange.Renewed, at, null);
        return true;
    }

    private static Subscription Create(
        string topicId,
        string? title,
        string channelId,
        string customerId,
        string? token,
        string? conversationReference,
        string? timeZoneId,
        Frequency? frequency,
        DateTimeOffset? expiresAt,
        string profileName,
        SubscriptionOrigin origin,
        DateTimeOffset at,
        string? language)
    {
        Require(topicId, nameof(topicId));
        Require(channelId, nameof(channelId));
        Require(customerId, nameof(customerId));
        Require(profileName, nameof(profileName));
        return new Subscription(new SubscriptionSnapshot(
            IdFor(channelId, customerId, topicId, title), topicId, title, channelId, customerId, token, conversationReference,
            frequency, timeZoneId, profileName, at, expiresAt, SubscriptionStatus.Active, at, null, null, null, origin, at, 0, language,
            [new ConsentHistoryEntry(ConsentChange.OptedIn, at)]));
    }

    private void Record(ConsentChange change, DateTimeOffset at, string? reason)
    {
        history.Add(new ConsentHistoryEntry(change, at, reason));
        if (history.Count > MaxHistory)
        {
            history.RemoveRange(0, history.Count - MaxHistory);
        }
    }

    private void SetStatus(SubscriptionStatus status, DateTimeOffset at)
    {
        Status = status;
        StatusChangedAt = at;
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }
}
