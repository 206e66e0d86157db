using ConversationBot.Bot.Desk;
using ConversationBot.Dialogs.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Handoffs;

/// <summary>
/// One past conversation (role Handoffs.Manage): the transcript of a hand-off found by its conversation
/// and the instant the customer asked for a person, read only. An open hand-off is sent to the desk's
/// page instead; one whose transcript has expired or was erased says so.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.HandoffsPolicy)]
public sealed class PastTranscriptModel(HandoffDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Channel { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Conversation { get; set; } = string.Empty;

    /// <summary>When the customer asked for a person, in Unix milliseconds (with the conversation, the hand-off's key).</summary>
    [BindProperty(SupportsGet = true)]
    public long At { get; set; }

    public TranscriptSummary? Transcript { get; private set; }

    public IReadOnlyList<TranscriptEntry> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Channel) || string.IsNullOrEmpty(Conversation) || At <= 0)
        {
            return Page();
        }

        var handoffAt = DateTimeOffset.FromUnixTimeMilliseconds(At);
        if (await desk.FindAsync(Channel, Conversation, cancellationToken).ConfigureAwait(false) is { } open && open.RequestedAt == handoffAt)
        {
            return RedirectToPage("/Handoffs/Detail", new { channel = Channel, conversation = Conversation });
        }

        var found = (await desk.PastAsync(PastModel.Limit, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(t => t.ChannelId == Channel && t.ConversationId == Conversation && t.HandoffAt == handoffAt);
        if (found is not null)
        {
            Transcript = found;
            Lines = await desk.TranscriptAsync(found.Handoff(), cancellationToken).ConfigureAwait(false);
        }

        return Page();
    }
}
