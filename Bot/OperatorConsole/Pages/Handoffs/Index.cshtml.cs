using ConversationBot.Bot.Desk;
using ConversationBot.Dialogs.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Handoffs;

/// <summary>The desk's queue (role Handoffs.Manage): every open hand-off, oldest first, with its channel, language, how long the customer has waited, who claimed it and the customer's last words.</summary>
[Authorize(Policy = ConsoleAuthentication.HandoffsPolicy)]
public sealed class IndexModel(HandoffDesk desk, HandoffOptions options, TimeProvider clock) : PageModel
{
    public string UnansweredAfterText => DeskTime.Waited(options.UnansweredAfter);

    public IReadOnlyList<QueuedHandoff> Queue { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Queue = await desk.QueueAsync(cancellationToken).ConfigureAwait(false);
    }
}
