using System.Globalization;
using ConversationBot.Bot.Funnel;
using ConversationBot.Bot.Telemetry;
using ConversationBot.Dialogs.Handoff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// The turn, as a routing table: a conversationUpdate gets the welcome; a message stamps the
/// customer's messaging window, counts where the customer came in from (the funnel), passes the
/// hand-off gate and goes to the dialogs, its lines kept for a hand-off's transcript (<see cref="HandoffTranscriptTurn"/>) (whose
/// interruptions answer notification commands, help and the rest in one place). The turn's language
/// is the conversation's (<see cref="ConversationLanguage"/>), decided once per turn. Conversation state is saved once, after the turn succeeded, whatever it did; a
/// turn that fails leaves the stored state as it was. The bot stays in the host (not in Dialogs/)
/// because it composes host concerns around the conversation: telemetry, the window store, state.
/// </summary>
public sealed class CustomerServiceBot(
    ConversationState conversationState,
    ConversationLanguage language,
    WindowStamp windowStamp,
    FunnelTurn funnel,
    HandoffGate handoffGate,
    HandoffTranscriptTurn transcript,
    ConversationDialogs dialogs,
    TimeProvider time,
    BotTelemetry telemetry) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channel = activity.ChannelId ?? "unknown";
        var type = activity.Type ?? "unknown";
        using var span = telemetry.StartTurn(channel, type, activity.Conversation?.Id);
        var started = time.GetTimestamp();
        string? errorType = null;
        try
        {
            await RouteAsync(turnContext, await language.ResolveAsync(turnContext, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The adapter's error handler logs and apologises; here the turn is only counted as failed.
            errorType = ex.GetType().Name;
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, errorType);
            throw;
        }
        finally
        {
            telemetry.RecordTurn(channel, type, time.GetElapsedTime(started), errorType);
        }
    }

    private async Task RouteAsync(ITurnContext turnContext, CultureInfo culture, CancellationToken cancellationToken)
    {
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                await dialogs.WelcomeAsync(turnContext, culture, () => handoffGate.IsHandedOffAsync(turnContext, culture, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Message:
                await windowStamp.RecordAsync(turnContext, cancellationToken).ConfigureAwait(false);
                await funnel.RecordAsync(turnContext, cancellationToken).ConfigureAwait(false);
                var handoff = await handoffGate.OpenHandoffAsync(turnContext, culture, cancellationToken).ConfigureAwait(false);
                transcript.Begin(turnContext);
                await dialogs.AnswerAsync(turnContext, culture, handoff is not null || HandoffTurn.IsThreadHeldElsewhere(turnContext), cancellationToken).ConfigureAwait(false);
                await handoffGate.RememberAsync(turnContext, cancellationToken).ConfigureAwait(false);
                await transcript.CompleteAsync(turnContext, handoff, cancellationToken).ConfigureAwait(false);
                break;
            default:
                // typing, event, installationUpdate, ...: nothing for a customer-service bot to say.
                break;
        }
    }
}
