using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Consent;

/// <summary>
/// One consent event in domain words: the host maps Messenger's <c>messaging_optins</c> event
/// (docs/messenger-platform.md §3) onto it with <see cref="MessengerOptInFields"/>. <see cref="OccurredAt"/> is
/// the event's own timestamp, which decides ordering; stop and resume may come without a token.
/// </summary>
public sealed record ConsentEvent
{
    private ConsentEvent(ConsentEventKind kind, string channelId, string customerId, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        Kind = kind;
        ChannelId = channelId;
        CustomerId = customerId;
        OccurredAt = occurredAt;
    }

    public ConsentEventKind Kind { get; }

    public string ChannelId { get; }

    /// <summary>On Messenger the PSID (<c>sender.id</c>).</summary>
    public string CustomerId { get; }

    public DateTimeOffset OccurredAt { get; }

    /// <summary>What the request carried; empty or unknown for opt-ins the bot never requested.</summary>
    public string? Payload { get; private init; }

    public string? Title { get; private init; }

    public string? Token { get; private init; }

    public string? TimeZoneId { get; private init; }

    /// <summary>2022-era tokens only.</summary>
    public Frequency? Frequency { get; private init; }

    /// <summary>2022-era tokens only; see <see cref="MessengerOptInFields.ExpiryFromUnix"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; private init; }

    /// <summary><c>user_token_status: REFRESHED</c>: a re-opt-in renewed the token.</summary>
    public bool IsRefreshed { get; private init; }

    /// <summary>
    /// The language the customer is spoken to in (a two-letter code); Messenger's webhook does not say,
    /// so the host sets the Page's (Bot/Messenger/MessengerOptInHandler.cs). <c>null</c>: not known.
    /// </summary>
    public string? Language { get; private init; }

    /// <summary>This event with the customer's language (<see cref="Language"/>).</summary>
    public ConsentEvent InLanguage(string? language) => this with { Language = language };

    public static ConsentEvent OptIn(
        string customerId,
        DateTimeOffset occurredAt,
        string token,
        string? payload,
        string? title,
        string? timeZoneId,
        Frequency? frequency = null,
        DateTimeOffset? expiresAt = null,
        bool isRefreshed = false,
        string channelId = ChannelIds.Messenger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new ConsentEvent(ConsentEventKind.OptIn, channelId, customerId, occurredAt)
        {
            Token = token,
            Payload = payload,
            Title = title,
            TimeZoneId = timeZoneId,
            Frequency = frequency,
            ExpiresAt = expiresAt,
            IsRefreshed = isRefreshed,
        };
    }

    public static ConsentEvent Stop(string customerId, DateTimeOffset occurredAt, string? token, string? payload, string? title, string channelId = ChannelIds.Messenger) =>
        new(ConsentEventKind.Stop, channelId, customerId, occurredAt) { Token = token, Payload = payload, Title = title };

    public static ConsentEvent Resume(string customerId, DateTimeOffset occurredAt, string? token, string? payload, string? title, string channelId = ChannelIds.Messenger) =>
        new(ConsentEventKind.Resume, channelId, customerId, occurredAt) { Token = token, Payload = payload, Title = title };
}
