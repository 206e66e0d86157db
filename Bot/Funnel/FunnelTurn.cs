using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Notifications.Funnel;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Funnel;

/// <summary>
/// The funnel's part of a customer's message turn (docs/funnel.md): an entry source on the activity
/// (<see cref="EntrySource"/>) that names a topic or menu item the bot knows is counted as an entry,
/// and as a conversation when coming in was the customer's own act. A link that only opened the
/// thread is remembered in the conversation's state, and the customer's next message within
/// <see cref="FunnelAttribution.Window"/> counts as its conversation. Anything else (an unknown topic, a
/// malformed ref) is not counted and nothing of it is stored: a ref is untrusted text.
/// </summary>
public sealed class FunnelTurn
{
    private readonly IStatePropertyAccessor<FunnelAttribution?> _opened;
    private readonly EntryFunnel _funnel;
    private readonly KnownEntries _entries;
    private readonly TimeProvider _time;

    public FunnelTurn(ConversationState conversationState, EntryFunnel funnel, KnownEntries entries, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _opened = conversationState.CreateProperty<FunnelAttribution?>("funnelOpenedBy");
        _funnel = funnel;
        _entries = entries;
        _time = time;
    }

    public async Task RecordAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var customer = CustomerAddress.Of(turnContext.Activity);
        if (EntrySource.Of(turnContext.Activity) is { } source && _entries.Find(source.Entry)?.ToString() is { } entry)
        {
            switch (source.Via)
            {
                case EntryVia.Link:
                    await _funnel.EnteredAsync(customer.ChannelId, customer.CustomerId, entry, conversed: false, cancellationToken).ConfigureAwait(false);
                    await _opened.SetAsync(turnContext, new FunnelAttribution(entry, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                    return;
                case EntryVia.CommentAnswer:
                    await _funnel.ConversedAsync(customer.ChannelId, customer.CustomerId, entry, attribute: true, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await _funnel.EnteredAsync(customer.ChannelId, customer.CustomerId, entry, conversed: true, cancellationToken).ConfigureAwait(false);
                    break;
            }

            await ForgetOpenedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await _opened.GetAsync(turnContext, () => null, cancellationToken).ConfigureAwait(false) is { } opened)
        {
            if (opened.IsCurrentAt(_time.GetUtcNow()))
            {
                await _funnel.ConversedAsync(customer.ChannelId, customer.CustomerId, opened.Entry, attribute: false, cancellationToken).ConfigureAwait(false);
            }

            await ForgetOpenedAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task ForgetOpenedAsync(ITurnContext turnContext, CancellationToken cancellationToken) => _opened.DeleteAsync(turnContext, cancellationToken);
}
