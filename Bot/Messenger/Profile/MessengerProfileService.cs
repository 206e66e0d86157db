using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// Shows and applies the configured Page profile safely: reads what the Page has, compares the
/// normal forms, and writes only the changed properties in one call and deletes the removed ones in
/// another, so an apply costs at most four of Meta's 10 profile calls per 10 minutes and a second apply
/// writes nothing. A refused call stops the apply and the report says what was done before it.
/// </summary>
public sealed class MessengerProfileService(MessengerProfileClient client, IOptions<MessengerProfileOptions> options)
{
    public async Task<MessengerProfileDiff> DiffAsync(CancellationToken cancellationToken)
    {
        var (profile, iceBreakers) = await client.GetAsync(cancellationToken).ConfigureAwait(false);
        return MessengerProfileDiff.Compute(MessengerProfileDocument.FromOptions(options.Value), MessengerProfileDocument.FromGraph(profile, iceBreakers));
    }

    public async Task<MessengerProfileReport> ApplyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsEmpty)
        {
            return NothingManaged(applied: true);
        }

        var diff = await DiffAsync(cancellationToken).ConfigureAwait(false);
        var changed = diff.ToWrite.Select(p => p.Key).ToList();
        var done = new List<string>();
        var writes = 0;
        try
        {
            if (diff.ToWrite.Count > 0)
            {
                await client.PostAsync(diff.ToWrite, cancellationToken).ConfigureAwait(false);
                writes++;
                done.AddRange(changed);
            }

            if (diff.ToDelete.Count > 0)
            {
                await client.DeleteAsync(diff.ToDelete, cancellationToken).ConfigureAwait(false);
                writes++;
                done.AddRange(diff.ToDelete);
            }
        }
        catch (MessengerProfileException refused)
        {
            var part = done.Count == 0 ? "Nothing was changed." : $"Already changed: {string.Join(", ", done)}.";
            return new MessengerProfileReport(true, changed, diff.ToDelete, diff.Unchanged, writes, done, $"{refused.Message} {part}", diff.ToWrite);
        }

        return new MessengerProfileReport(true, changed, diff.ToDelete, diff.Unchanged, writes, done, null, diff.ToWrite);
    }

    public async Task<MessengerProfileReport> DryRunAsync(CancellationToken cancellationToken) =>
        options.Value.IsEmpty ? NothingManaged(applied: false) : MessengerProfileReport.DryRun(await DiffAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Nothing configured is not "delete everything on the Page": the Page's profile is left to whoever set it.</summary>
    private static MessengerProfileReport NothingManaged(bool applied) =>
        new(applied, [], [], [], 0, [], "nothing is configured under Messenger:Profile, so nothing is managed", []);
}
