using ConversationBot.Bot.Desk;
using ConversationBot.Dialogs.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Handoffs;

/// <summary>
/// The desk's queue (role Handoffs.Manage): every open hand-off, the unanswered first, then oldest first,
/// with its channel, language, how long the customer has waited, who claimed it and the customer's last
/// words. /console/queue.js keeps it current while the page is open by reading this page again.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.HandoffsPolicy)]
public sealed class IndexModel(HandoffDesk desk, HandoffOptions options, TimeProvider clock) : PageModel
{
    public string UnansweredAfterText => DeskTime.Waited(options.UnansweredAfter);

    public IReadOnlyList<QueuedHandoff> Queue { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>What a screen reader hears when the list changes while the page is open (/console/queue.js).</summary>
    public string Summary
    {
        get
        {
            var unanswered = Queue.Count(q => q.Unanswered);
            var open = Queue.Count == 1 ? "1 open hand-off" : $"{Queue.Count} open hand-offs";
            return unanswered == 0 ? $"The queue changed: {open}." : $"The queue changed: {open}, {unanswered} unanswered.";
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Queue = await desk.QueueAsync(cancellationToken).ConfigureAwait(false);
    }
}
