using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// What a diff or an apply found and did: the properties changed, deleted and unchanged, the profile
/// calls that wrote (a second apply: 0), and, when Meta refused part of it, what was written before and
/// the problem in words. Shown by the command and the admin API alike.
/// </summary>
public sealed record MessengerProfileReport(
    bool Applied,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Deleted,
    IReadOnlyList<string> Unchanged,
    int Writes,
    IReadOnlyList<string> Done,
    string? Problem,
    JsonObject ToWrite)
{
    public static MessengerProfileReport DryRun(MessengerProfileDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new(false, [.. diff.ToWrite.Select(p => p.Key)], diff.ToDelete, diff.Unchanged, 0, [], null, diff.ToWrite);
    }

    /// <summary>The report as lines for a terminal.</summary>
    public IEnumerable<string> Lines()
    {
        var verb = Applied ? "written" : "to write";
        foreach (var field in Changed)
        {
            yield return $"{field}: {(Applied && !Done.Contains(field) ? "NOT written" : verb)}";
        }

        foreach (var field in Deleted)
        {
            yield return $"{field}: {(Applied ? (Done.Contains(field) ? "deleted" : "NOT deleted") : "to delete")}";
        }

        foreach (var field in Unchanged)
        {
            yield return $"{field}: unchanged";
        }

        yield return Applied ? $"{Writes} profile call(s) wrote" : "dry run: nothing was written";
        if (Problem is not null)
        {
            yield return "problem: " + Problem;
        }
    }
}
