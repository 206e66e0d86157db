using ConversationBot.Bot.Desk;
using ConversationBot.Dialogs.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Handoffs;

/// <summary>
/// Past conversations (role Handoffs.Manage): the transcripts of hand-offs that are no longer open, the
/// latest first, each opening its transcript. They are kept for <c>Handoff:TranscriptRetention</c> and
/// go with an erased customer (docs/handoff.md).
/// </summary>
[Authorize(Policy = ConsoleAuthentication.HandoffsPolicy)]
public sealed class PastModel(HandoffDesk desk, HandoffOptions options) : PageModel
{
    /// <summary>The page lists this many: a desk looks back days, not months.</summary>
    public const int Limit = 100;

    public IReadOnlyList<TranscriptSummary> Transcripts { get; private set; } = [];

    public string RetentionText => DeskTime.Waited(options.TranscriptRetention);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Transcripts = await desk.PastAsync(Limit, cancellationToken).ConfigureAwait(false);
}
