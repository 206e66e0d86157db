using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Resources;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// A photo or file with no words (a damaged parcel, a receipt): the bot cannot look at it, and it is
/// not an answer to the pending question, so it says so without using up that question's re-prompt.
/// </summary>
public sealed class AttachmentInterruption : IInterruption
{
    public bool HonouredDuringHandoff => false;

    public async Task<InterruptionOutcome?> TryAnswerAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        if (!string.IsNullOrWhiteSpace(activity.Text) || activity.Value is not null || activity.Attachments is not { Count: > 0 })
        {
            return null;
        }

        await dc.SendTextAsync(dc.Texts[nameof(DialogStrings.Unsupported_Attachment)], cancellationToken).ConfigureAwait(false);
        return InterruptionOutcome.Answered;
    }
}
