namespace ConversationBot.Dialogs.Handoff;

/// <summary>What claiming a hand-off gave: the claimed hand-off, or why not (another agent has it, it timed out, it is gone).</summary>
public sealed record HandoffClaim(Handoff? Claimed, string? Reason)
{
    public bool Succeeded => Claimed is not null;

    public static HandoffClaim Taken(Handoff claimed) => new(claimed, null);

    public static HandoffClaim Refused(string reason) => new(null, reason);
}
