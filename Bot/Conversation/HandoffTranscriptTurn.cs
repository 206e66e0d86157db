using ConversationBot.Dialogs.Handoff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// A message's turn as transcript lines: the customer's message and every message the bot sent in the
/// turn. While a person has the conversation they go to the hand-off's transcript (one write per turn);
/// in the turn that opens a hand-off, the conversation's recent lines (<see cref="RecentLines"/>) and this
/// turn's go in as the context before it; on every other turn they only go to memory. Nothing here is logged.
/// </summary>
public sealed class HandoffTranscriptTurn(IHandoffTranscriptStore transcripts, IHandoffStore handoffs, RecentLines recent, TimeProvider time)
{
    private const string LinesKey = "ConversationBot.Transcript.Lines";

    /// <summary>Before the dialogs: the customer's line, and a watch on what the bot sends in this turn.</summary>
    public void Begin(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var lines = new List<TranscriptEntry> { new(time.GetUtcNow(), TranscriptAuthor.Customer, TextOf(turnContext.Activity)) };
        turnContext.TurnState[LinesKey] = lines;
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            var responses = await next().ConfigureAwait(false);
            lock (lines)
            {
                lines.AddRange(activities.Where(a => a.Type == ActivityTypes.Message).Select(a => new TranscriptEntry(time.GetUtcNow(), TranscriptAuthor.Bot, TextOf(a))));
            }

            return responses;
        });
    }

    /// <summary>After the dialogs: the lines to the transcript of the hand-off that was open (<paramref name="openBefore"/>) or opened in this turn, or to memory.</summary>
    public async Task CompleteAsync(ITurnContext turnContext, Handoff? openBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState[LinesKey] is not List<TranscriptEntry> turnLines)
        {
            return;
        }

        List<TranscriptEntry> lines;
        lock (turnLines)
        {
            lines = [.. turnLines];
        }

        var activity = turnContext.Activity;
        if (openBefore is not null)
        {
            await transcripts.AppendAsync(openBefore, lines, cancellationToken).ConfigureAwait(false);
        }
        else if (HandoffTurn.WasOpened(turnContext)
            && await handoffs.FindAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false) is { } opened)
        {
            var context = recent.Take(activity.ChannelId, activity.Conversation.Id).Concat(lines).Select(line => line with { BeforeHandoff = true }).ToList();
            await transcripts.AppendAsync(opened, context, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            recent.Add(activity.ChannelId, activity.Conversation.Id, lines);
        }
    }

    /// <summary>What the line says: the text, else what kind of message it was (a card, a picture, a button's value).</summary>
    public static string TextOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var message = activity.AsMessageActivity();
        if (message is null)
        {
            return string.Empty;
        }

        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            return message.Text;
        }

        if (message.Attachments is { Count: > 0 } attachments)
        {
            return $"[{string.Join(", ", attachments.Select(a => a.ContentType switch
            {
                "application/vnd.microsoft.card.adaptive" => "card",
                string type when type.StartsWith("image/", StringComparison.Ordinal) => "picture",
                string type => type,
                _ => "attachment",
            }))}]";
        }

        return message.Value is null ? "[empty message]" : "[pressed a button]";
    }
}
