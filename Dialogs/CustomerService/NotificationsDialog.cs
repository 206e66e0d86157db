using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Resources;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>"My notifications". Says it is coming: the opt-in work (topics, consent, stop/resume) replaces this flow.</summary>
public sealed class NotificationsDialog : WaterfallDialog
{
    public NotificationsDialog()
        : base(DialogIds.Notifications) => AddSteps(ExplainAsync);

    private static async Task<DialogTurnResult> ExplainAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.SendTextAsync(step.Texts[nameof(DialogStrings.Notifications_ComingSoon)], cancellationToken).ConfigureAwait(false);
        return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
