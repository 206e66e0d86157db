using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Dialogs.Shop;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// "Talk to a person": records the hand-off, tells the customer, and ends every dialog. From then
/// on the bot stays silent in this conversation until the hand-off is released or times out. Outside
/// the shop's opening hours it also says so, when a person will answer and how else to reach the shop
/// (Dialogs/Handoff/HandoffWaitText.cs); the hand-off then records that the customer was told, so the
/// notice for an unanswered hand-off (Bot/Desk/UnansweredHandoffNotices.cs) is not sent as well.
/// </summary>
public sealed class HandoffDialog : WaterfallDialog
{
    private readonly IHandoffStore _handoffs;
    private readonly HandoffOptions _options;
    private readonly TimeProvider _time;
    private readonly IHandoffChannel _channel;
    private readonly ShopOpeningHours _hours;
    private readonly ShopOptions _shop;

    public HandoffDialog(IHandoffStore handoffs, HandoffOptions options, TimeProvider time, IHandoffChannel channel, ShopOpeningHours hours, ShopOptions shop)
        : base(DialogIds.Handoff)
    {
        _handoffs = handoffs;
        _hours = hours;
        _shop = shop;
        _channel = channel;
        _options = options;
        _time = time;
        AddSteps(HandOffAsync);
    }

    private async Task<DialogTurnResult> HandOffAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var activity = step.Dialog.Context.Activity;
        var now = _time.GetUtcNow();
        var closed = HandoffWaitText.AtHandoff(_hours.At(now), _shop, step.Dialog.Culture);
        var handoff = new Handoff.Handoff(activity.ChannelId, activity.Conversation.Id, activity.From.Id, now, now + _options.Timeout)
        {
            Language = step.Dialog.Culture.TwoLetterISOLanguageName,

            // What an agent's reply on a Bot Framework channel is sent with (a proactive message; Bot/Desk/AgentReplySender.cs).
            ConversationReference = JsonConvert.SerializeObject(activity.GetConversationReference()),
            WaitNoticeAt = closed is null ? null : now,
        };
        await _handoffs.SaveAsync(handoff, cancellationToken).ConfigureAwait(false);
        HandoffTurn.MarkOpened(step.Dialog.Context);
        await step.SendTextAsync(step.Texts[nameof(DialogStrings.Handoff_Confirmed)], cancellationToken).ConfigureAwait(false);
        if (closed is not null)
        {
            await step.SendTextAsync(closed, cancellationToken).ConfigureAwait(false);
        }
        await _channel.OpenedAsync(step.Dialog.Context, handoff, cancellationToken).ConfigureAwait(false);

        // Not EndAsync: the menu below must not resume and ask "anything else?" over the person.
        step.Dialog.CancelAllDialogs();
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }
}
