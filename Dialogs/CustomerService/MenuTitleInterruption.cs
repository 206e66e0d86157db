using ConversationBot.Dialogs.Engine;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// A menu item pressed or typed mid-question ("Talk to a person" while the bot asks for an order
/// number): the customer changed their mind. The pending question is dropped and the menu answers
/// the message (<see cref="MainMenuDialog.IsMenuTitle"/>).
/// </summary>
public sealed class MenuTitleInterruption : IInterruption
{
    public bool HonouredDuringHandoff => false;

    public Task<InterruptionOutcome?> TryAnswerAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.ActiveInstance is null || !MainMenuDialog.IsMenuTitle(dc.Context.Activity.Text))
        {
            return Task.FromResult<InterruptionOutcome?>(null);
        }

        dc.CancelAllDialogs();
        return Task.FromResult<InterruptionOutcome?>(InterruptionOutcome.RunRoot);
    }
}
