using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Dialogs.OptIns;

/// <summary>
/// An opt-in card, once answered, is replaced by its outcome on channels that can change a message
/// they have shown (Teams, the Emulator and the Agents Playground's emulator channel), so its buttons
/// cannot be pressed twice. Elsewhere (Web Chat over Direct Line, Messenger) the card stays, and a
/// second answer is told what already holds (<see cref="ConsentCommands"/>).
/// </summary>
public sealed partial class AnsweredOptInCard(ILogger<AnsweredOptInCard> logger)
{
    private static readonly HashSet<string> ChannelsThatUpdate = new(StringComparer.OrdinalIgnoreCase) { Channels.Msteams, Channels.Emulator };

    public async Task ReplaceAsync(ITurnContext context, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = context.Activity;
        if (string.IsNullOrEmpty(answer.ReplyToId) || !ChannelsThatUpdate.Contains(answer.ChannelId ?? string.Empty))
        {
            return;
        }

        var replacement = MessageFactory.Text(outcome);
        replacement.Id = answer.ReplyToId;
        try
        {
            await context.UpdateActivityAsync(replacement, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ErrorResponseException or HttpRequestException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The answer itself stands (the consent is stored and the customer is told); a card that stays
            // is answered correctly a second time. Nothing of the customer's is logged.
            LogNotReplaced(logger, answer.ChannelId, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answered opt-in card could not be replaced on channel {Channel} ({Error}); it stays as it was.")]
    private static partial void LogNotReplaced(ILogger logger, string? channel, string error);
}
