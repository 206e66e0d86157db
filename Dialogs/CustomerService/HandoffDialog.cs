using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Resources;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// "Talk to a person": records the hand-off, tells the customer, and ends every dialog. From then
/// on the bot stays silent in this conversation until the hand-off is released or times out.
/// </summary>
public sealed class HandoffDialog : WaterfallDialog
{
    private readonly IHandoffStore _handoffs;
    private readonly HandoffOptions _options;
    private readonly TimeProvider _time;
    private readonly IHandoffChannel _channel;

    public HandoffDialog(IHandoffStore handoffs, HandoffOptions options, TimeProvider time, IHandoffChannel channel)
        : base(DialogIds.Handoff)
    {
        _handoffs = handoffs;
        _channel = channel;
        _options = options;
        _time = time;
        AddSteps(HandOffAsync);
    }

    private async Task<DialogTurnResult> HandOffAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var activity = step.Dialog.Context.Activity;
        var now = _time.GetUtcNow();
        var handoff = new Handoff.Handoff(activity.ChannelId, activity.Conversation.Id, activity.From.Id, now, now + _options.Timeout)
        {
            Language = step.Dialog.Culture.TwoLetterISOLanguageName,

            // What an agent's reply on a Bot Framework channel is sent with (a proactive message; Bot/Desk/AgentReplySender.cs).
            ConversationReference = JsonConvert.SerializeObject(activity.GetConversationReference()),
        };
        await _handoffs.SaveAsync(handoff, cancellationToken).ConfigureAwait(false);
        HandoffTurn.MarkOpened(step.Dialog.Context);
        await step.SendTextAsync(step.Texts[nameof(DialogStrings.Handoff_Confirmed)], cancellationToken).ConfigureAwait(false);
        await _channel.OpenedAsync(step.Dialog.Context, handoff, cancellationToken).ConfigureAwait(false);

        // Not EndAsync: the menu below must not resume and ask "anything else?" over the person.
        step.Dialog.CancelAllDialogs();
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }
}
