using System.Net;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Customers;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Hand-off transcripts in <c>state</c>, the container whose documents each carry their own time to
/// live: one document per hand-off, read in one point read (the desk asks every two seconds while an
/// agent watches), its <c>ttl</c> <c>Handoff:TranscriptRetention</c> from its last write; and one index
/// document per customer listing their transcripts, so erasing a customer is point reads and deletes,
/// never a query. The index is written before the transcript, so a crash leaves an index entry too many
/// (skipped), never a transcript erasure cannot find. A transcript keeps its last <see cref="MaxLines"/>
/// lines (a document may hold 2 MB; 500 lines of at most 2,000 characters stay well under it). The
/// console's list of past transcripts is one more document, <c>transcripts|recent</c>: the latest
/// <see cref="MaxRecent"/> hand-offs with a transcript, added to when a transcript's first line is
/// written (not on every line) and cleaned of a customer's entries when they are erased, so listing is
/// one point read and never a query over the whole container.
/// </summary>
public sealed class CosmosTranscriptStore(CosmosDatabase cosmos, HandoffOptions options) : IHandoffTranscriptStore, ICustomerRecords
{
    public const int MaxLines = 500;

    /// <summary>How many transcripts the console's list can show: the latest ones.</summary>
    public const int MaxRecent = 500;

    private static readonly string RecentId = CosmosIds.Compose("transcripts", "recent");

    private Container State => cosmos.State;

    private int Ttl => CosmosContainers.Seconds(options.TranscriptRetention);

    public string Name => "handoff-transcripts";

    public async Task AppendAsync(Handoff handoff, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var id = TranscriptId(handoff);
        var indexId = IndexId(handoff.ChannelId, handoff.CustomerId);
        var first = false;
        await CosmosDocumentUpdate.UpdateAsync<IndexDocument>(
            State,
            indexId,
            new PartitionKey(indexId),
            stored =>
            {
                first = stored is null || !stored.Ids.Contains(id);
                return new IndexDocument(indexId, first ? [.. stored?.Ids ?? [], id] : stored!.Ids, Ttl);
            },
            cancellationToken).ConfigureAwait(false);
        if (first)
        {
            var summary = new RecentEntry(id, handoff.ChannelId, handoff.ConversationId, handoff.CustomerId, handoff.RequestedAt.ToUnixTimeMilliseconds());
            await UpdateRecentAsync(items => items.Any(i => i.Id == id) ? null : [.. items.Append(summary).OrderBy(i => i.HandoffAtMs).TakeLast(MaxRecent)], cancellationToken).ConfigureAwait(false);
        }

        var lines = entries.Select(e => LineDocument.Of(e.Bounded())).ToList();
        await CosmosDocumentUpdate.UpdateAsync<TranscriptDocument>(
            State,
            id,
            new PartitionKey(id),
            stored => new TranscriptDocument(id, handoff.ChannelId, handoff.CustomerId, [.. (stored?.Lines ?? []).Concat(lines).TakeLast(MaxLines)], Ttl),
            cancellationToken,
            likelyAbsent: false).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        return (await ReadTranscriptAsync(TranscriptId(handoff), cancellationToken).ConfigureAwait(false))?.Lines.Select(l => l.Entry()).ToList() ?? [];
    }

    public async Task<IReadOnlyList<TranscriptSummary>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        using var read = await State.ReadItemStreamAsync(RecentId, new PartitionKey(RecentId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var recent = await CosmosJson.ReadAsync<RecentDocument>(read, cancellationToken).ConfigureAwait(false);
        return [.. recent.Items.OrderByDescending(i => i.HandoffAtMs).Take(limit).Select(i => new TranscriptSummary(i.ChannelId, i.ConversationId, i.CustomerId, DateTimeOffset.FromUnixTimeMilliseconds(i.HandoffAtMs)))];
    }

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        long lines = 0;
        foreach (var id in await ReadIndexAsync(customer, cancellationToken).ConfigureAwait(false))
        {
            lines += (await ReadTranscriptAsync(id, cancellationToken).ConfigureAwait(false))?.Lines.Count ?? 0;
        }

        return lines;
    }

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        long erased = 0;
        foreach (var id in await ReadIndexAsync(customer, cancellationToken).ConfigureAwait(false))
        {
            var lines = (await ReadTranscriptAsync(id, cancellationToken).ConfigureAwait(false))?.Lines.Count ?? 0;
            using var delete = await State.DeleteItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (delete.StatusCode != HttpStatusCode.NotFound)
            {
                delete.EnsureSuccessStatusCode();
                erased += lines;
            }
        }

        // The console's list next, then the index last: an erasure cut short is finished by running it again.
        await UpdateRecentAsync(
            items => items.Any(i => i.ChannelId == customer.ChannelId && i.CustomerId == customer.CustomerId)
                ? [.. items.Where(i => i.ChannelId != customer.ChannelId || i.CustomerId != customer.CustomerId)]
                : null,
            cancellationToken).ConfigureAwait(false);
        var indexId = IndexId(customer.ChannelId, customer.CustomerId);
        using var deleteIndex = await State.DeleteItemStreamAsync(indexId, new PartitionKey(indexId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (deleteIndex.StatusCode != HttpStatusCode.NotFound)
        {
            deleteIndex.EnsureSuccessStatusCode();
        }

        return erased;
    }

    private Task UpdateRecentAsync(Func<List<RecentEntry>, List<RecentEntry>?> change, CancellationToken cancellationToken) =>
        CosmosDocumentUpdate.UpdateAsync<RecentDocument>(
            State,
            RecentId,
            new PartitionKey(RecentId),
            stored => change(stored?.Items ?? []) is { } items ? new RecentDocument(RecentId, items, Ttl) : null,
            cancellationToken);

    private async Task<List<string>> ReadIndexAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        var indexId = IndexId(customer.ChannelId, customer.CustomerId);
        using var read = await State.ReadItemStreamAsync(indexId, new PartitionKey(indexId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return read.StatusCode == HttpStatusCode.NotFound ? [] : (await CosmosJson.ReadAsync<IndexDocument>(read, cancellationToken).ConfigureAwait(false)).Ids;
    }

    private async Task<TranscriptDocument?> ReadTranscriptAsync(string id, CancellationToken cancellationToken)
    {
        using var read = await State.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return read.StatusCode == HttpStatusCode.NotFound ? null : await CosmosJson.ReadAsync<TranscriptDocument>(read, cancellationToken).ConfigureAwait(false);
    }

    private static string TranscriptId(Handoff handoff) =>
        CosmosIds.Compose("transcript", handoff.ChannelId, handoff.ConversationId, handoff.RequestedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string IndexId(string channelId, string customerId) => CosmosIds.Compose("transcripts", channelId, customerId);

    private sealed record TranscriptDocument(string Id, string ChannelId, string CustomerId, List<LineDocument> Lines, int Ttl);

    private sealed record IndexDocument(string Id, List<string> Ids, int Ttl);

    private sealed record RecentDocument(string Id, List<RecentEntry> Items, int Ttl);

    private sealed record RecentEntry(string Id, string ChannelId, string ConversationId, string CustomerId, long HandoffAtMs);

    private sealed record LineDocument(long AtMs, string Author, string Text, bool BeforeHandoff, string? AgentName, string? Note)
    {
        public static LineDocument Of(TranscriptEntry entry) =>
            new(entry.At.ToUnixTimeMilliseconds(), entry.Author.ToString(), entry.Text, entry.BeforeHandoff, entry.AgentName, entry.Note);

        public TranscriptEntry Entry() => new(DateTimeOffset.FromUnixTimeMilliseconds(AtMs), Enum.Parse<TranscriptAuthor>(Author), Text)
        {
            BeforeHandoff = BeforeHandoff,
            AgentName = AgentName,
            Note = Note,
        };
    }
}
