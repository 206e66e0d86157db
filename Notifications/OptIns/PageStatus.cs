namespace ConversationBot.Notifications.OptIns;

/// <summary>
/// What the platform currently forbids the Messenger page (docs/messenger-platform.md §5): opt-in requests
/// (10/1404170) or sends (10/1893063), each until an instant.
/// </summary>
public sealed record PageStatus(DateTimeOffset? OptInsBarredUntil, DateTimeOffset? SendsPausedUntil)
{
    public static PageStatus Unrestricted { get; } = new(null, null);

    public bool AreOptInsBarredAt(DateTimeOffset now) => OptInsBarredUntil is { } until && now < until;

    public bool AreSendsPausedAt(DateTimeOffset now) => SendsPausedUntil is { } until && now < until;
}
