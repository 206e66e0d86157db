using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.Resources;

namespace ConversationBot.Dialogs.Handoff;

/// <summary>
/// "back to the bot" ("zurück zum Bot") while a person has the conversation: the customer ends the
/// hand-off themselves instead of waiting for an operator or the time-out, and the bot is back at the
/// menu. Without a hand-off it is no interruption. Honoured during a hand-off, like a stop.
/// </summary>
public sealed class BackToBotInterruption(IHandoffStore handoffs, IHandoffChannel channel) : IInterruption
{
    private static readonly Lazy<HashSet<string>> Words = new(() => [.. TextNormalizer.Vocabulary(nameof(DialogStrings.Interruption_BackToBotWords))]);

    public bool HonouredDuringHandoff => true;

    public async Task<InterruptionOutcome?> TryAnswerAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        if (!Words.Value.Contains(TextNormalizer.Normalize(activity.Text))
            || await handoffs.FindAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        await handoffs.ReleaseAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        await channel.ReleasedAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        await dc.SendTextAsync(dc.Texts[nameof(DialogStrings.Handoff_Released)], cancellationToken).ConfigureAwait(false);
        return InterruptionOutcome.HandoffEnded;
    }
}
