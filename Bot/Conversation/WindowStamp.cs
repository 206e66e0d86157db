using ConversationBot.Bot.Storage;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Notifications.Window;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// Opens (or keeps open) the customer's 24-hour messaging window when they write
/// (<see cref="CustomerMessage.OpensWindow"/>), in the one window store every channel shares. While a
/// customer keeps writing, the store is written at most once per <see cref="Resolution"/>.
/// <para>
/// When it last stamped is known twice: this instance remembers it per customer, and the
/// conversation's state carries it (<see cref="StampedAtProperty"/>) for the other instances, but only
/// when the state is written anyway: the state does not let that property alone cause a write
/// (Bot/BotFramework/SnapshotConversationState.cs). A turn more than a minute after the last then costs
/// the window's read and replace, not also a rewrite of the whole state (docs/cost.md). An instance that
/// has neither (another served the last turn, the state was not written since) stamps once more.
/// </para>
/// </summary>
public sealed class WindowStamp
{
    /// <summary>How stale the stored stamp may get while a customer keeps writing; one write a minute instead of one per message.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    /// <summary>The conversation-state property with the last stamp, kept only when the state is written for another reason.</summary>
    public const string StampedAtProperty = "windowStampedAt";

    /// <summary>Remembered stamps are a saving, not state: past this many customers they are forgotten and the state's stamp or a new stamp takes over.</summary>
    private const int MaxRemembered = 100_000;

    private readonly RememberedValues<(string ChannelId, string CustomerId), DateTimeOffset> _remembered = new(MaxRemembered);

    private readonly IStatePropertyAccessor<DateTimeOffset?> _stampedAt;
    private readonly IMessagingWindowStore _windows;
    private readonly TimeProvider _time;

    public WindowStamp(ConversationState conversationState, IMessagingWindowStore windows, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _stampedAt = conversationState.CreateProperty<DateTimeOffset?>(StampedAtProperty);
        _windows = windows;
        _time = time;
    }

    public async Task RecordAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (!CustomerMessage.OpensWindow(activity))
        {
            return;
        }

        // The window starts when the customer wrote; a channel clock ahead of ours must not stretch it.
        var at = CustomerMessage.WrittenAt(activity, _time.GetUtcNow());

        // Stamped moments ago (this conversation's state says so, or the store does): skipping can
        // only make our window close earlier than the platform's, by less than the resolution, never later.
        var customer = (activity.ChannelId, activity.From.Id);
        if ((_remembered.TryGet(customer, out var remembered) && IsRecent(remembered, at))
            || (await _stampedAt.GetAsync(turnContext, () => null, cancellationToken).ConfigureAwait(false) is { } stamped && IsRecent(stamped, at)))
        {
            return;
        }

        // Saved without reading it first: every store's save only moves the window forward (a later
        // instant already stored stays), so a read here would only repeat the one inside the save.
        await _windows.SaveAsync(MessagingWindow.Restore(activity.ChannelId, activity.From.Id, at), cancellationToken).ConfigureAwait(false);
        await _stampedAt.SetAsync(turnContext, at, cancellationToken).ConfigureAwait(false);
        _remembered.Remember(customer, at);
    }

    private static bool IsRecent(DateTimeOffset stamped, DateTimeOffset at) => at >= stamped && at - stamped < Resolution;
}
