using System.Security.Claims;
using ConversationBot.Bot.Desk;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Window;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Handoffs;

/// <summary>
/// One hand-off at the desk (role Handoffs.Manage): its transcript, kept current while the page is open
/// (<c>?handler=transcript</c>, polled by /console/transcript.js), claim (the agent's name is kept in the
/// session, so replies and the close are theirs), the reply box (disabled with the reason while the
/// channel's rules or the claim allow no reply) and close. Every action goes through <see cref="HandoffDesk"/>,
/// as the admin API's do.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.HandoffsPolicy)]
public sealed class DetailModel(HandoffDesk desk) : PageModel
{
    private const int MaxAgentLength = 100;

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Conversation { get; set; }

    /// <summary>What the last action did (after the redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>Why the last action was refused (after the redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Problem { get; set; }

    public Handoff? Handoff { get; private set; }

    public IReadOnlyList<TranscriptEntry> Lines { get; private set; } = [];

    public AgentReplyPermission? Permission { get; private set; }

    /// <summary>The name this session claimed with, if any.</summary>
    public string? Agent => User.FindFirstValue(ConsoleAuthentication.AgentClaim);

    /// <summary>What the claim form offers as the agent's name: the one given before, else an Entra ID user's name (the key's session is just "operator").</summary>
    public string? SuggestedName => Agent ?? (User.Identity?.Name is { } name && name != "operator" ? name : null);

    /// <summary>Why the reply box is disabled, or <c>null</c> when this agent may reply now.</summary>
    public string? ReplyBlockedBecause => Handoff is null || Permission is null ? "the hand-off is closed" : BlockedBecause(Handoff, Permission, Agent);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Channel) || string.IsNullOrWhiteSpace(Conversation))
        {
            return RedirectToPage("/Handoffs/Index");
        }

        Handoff = await desk.FindAsync(Channel, Conversation, cancellationToken).ConfigureAwait(false);
        if (Handoff is not null)
        {
            Lines = await desk.TranscriptAsync(Handoff, cancellationToken).ConfigureAwait(false);
            Permission = await desk.PermissionAsync(Handoff, cancellationToken).ConfigureAwait(false);
        }

        return Page();
    }

    /// <summary>The transcript and the reply box's state as JSON, for the page's script.</summary>
    public async Task<IActionResult> OnGetTranscriptAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Channel) || string.IsNullOrWhiteSpace(Conversation)
            || await desk.FindAsync(Channel, Conversation, cancellationToken).ConfigureAwait(false) is not { } handoff)
        {
            return new JsonResult(new { open = false });
        }

        var lines = await desk.TranscriptAsync(handoff, cancellationToken).ConfigureAwait(false);
        var permission = await desk.PermissionAsync(handoff, cancellationToken).ConfigureAwait(false);
        return new JsonResult(new
        {
            open = true,
            claimedBy = handoff.ClaimedBy,
            replyBlockedBecause = BlockedBecause(handoff, permission, Agent),
            replyHow = permission.Reason,
            lines = lines.Select(l => new { at = DeskTime.Second(l.At), who = Who(l), author = l.Author.ToString().ToLowerInvariant(), text = l.Text, note = l.Note, before = l.BeforeHandoff }),
        });
    }

    public async Task<IActionResult> OnPostClaimAsync(string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Channel) || string.IsNullOrWhiteSpace(Conversation))
        {
            return BadRequest();
        }

        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxAgentLength)
        {
            return Back(problem: $"Give your name (at most {MaxAgentLength} characters) to claim the conversation.");
        }

        var outcome = await desk.ClaimAsync(Channel, Conversation, name, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind != DeskOutcomeKind.Done)
        {
            return Back(problem: $"Not claimed: {outcome.Reason}.");
        }

        // The session remembers who this agent is, so the reply box and Close are theirs. The identity keeps
        // its name and role claim types: an Entra ID session's roles are "roles" claims (Bot/OperatorConsole/EntraIdSignIn.cs).
        var current = User.Identity as ClaimsIdentity;
        var identity = new ClaimsIdentity(
            [.. User.Claims.Where(c => c.Type != ConsoleAuthentication.AgentClaim).Select(c => new Claim(c.Type, c.Value)), new Claim(ConsoleAuthentication.AgentClaim, name)],
            ConsoleAuthentication.Scheme,
            current?.NameClaimType ?? ClaimTypes.Name,
            current?.RoleClaimType ?? ClaimTypes.Role);
        await HttpContext.SignInAsync(ConsoleAuthentication.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return Back(done: $"You ({name}) have this conversation now.");
    }

    public async Task<IActionResult> OnPostReplyAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Channel) || string.IsNullOrWhiteSpace(Conversation))
        {
            return BadRequest();
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > HandoffDesk.MaxReplyLength)
        {
            return Back(problem: $"Write a reply of at most {HandoffDesk.MaxReplyLength} characters.");
        }

        if (Agent is not { } agent)
        {
            return Back(problem: "Claim the conversation before replying.");
        }

        var outcome = await desk.ReplyAsync(Channel, Conversation, agent, text.Trim(), cancellationToken).ConfigureAwait(false);
        return outcome.Kind == DeskOutcomeKind.Done ? Back(done: "Sent.") : Back(problem: $"Not sent: {outcome.Reason}.");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Channel) || string.IsNullOrWhiteSpace(Conversation))
        {
            return BadRequest();
        }

        var outcome = await desk.CloseAsync(Channel, Conversation, Agent ?? "an operator", cancellationToken).ConfigureAwait(false);
        return outcome.Kind == DeskOutcomeKind.Done
            ? RedirectToPage("/Handoffs/Index")
            : Back(problem: $"Not closed: {outcome.Reason}.");
    }

    /// <summary>Why this agent cannot reply now (the claim first, then the channel's rules), or <c>null</c>.</summary>
    public static string? BlockedBecause(Handoff handoff, AgentReplyPermission permission, string? agent)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(permission);
        return handoff.ClaimedBy switch
        {
            null => "Claim the conversation to reply.",
            { } holder when holder != agent => $"{holder} has this conversation.",
            _ when !permission.Allowed => $"No reply possible now: {permission.Reason}.",
            _ => null,
        };
    }

    public static string Who(TranscriptEntry line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Author switch
        {
            TranscriptAuthor.Agent => line.AgentName ?? "Agent",
            TranscriptAuthor.Bot => "Bot",
            _ => "Customer",
        };
    }

    private RedirectToPageResult Back(string? done = null, string? problem = null) =>
        RedirectToPage("/Handoffs/Detail", new { channel = Channel, conversation = Conversation, done, problem });
}
