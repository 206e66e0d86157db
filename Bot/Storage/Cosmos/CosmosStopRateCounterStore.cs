using System.Globalization;
using System.Net;
using ConversationBot.Notifications.StopRate;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Opt-in and stop events per topic, one document per (topic, UTC day) in <c>pages</c> holding the
/// instants. Recording is a patch that appends to the day's array: atomic on the service, so the
/// many turns of a busy topic never retry each other. Counting reads the window's days by id in
/// one read-many (a seven-day window is eight documents) and counts in memory, with exact instants at both edges.
/// A day document holds about 50,000 events before the 2 MB document limit, far above the opt-ins
/// and stops a topic sees in a day.
/// </summary>
public sealed class CosmosStopRateCounterStore(CosmosDatabase cosmos) : IStopRateCounterStore
{
    /// <summary>The guard asks about days; a window of years means a caller's mistake, not a query to run.</summary>
    public const int MaxDays = 400;

    public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, "optIns", at, cancellationToken);

    public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, "stops", at, cancellationToken);

    public async Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        if (until < since)
        {
            return new StopRateCounts(0, 0);
        }

        var first = DateOnly.FromDateTime(since.UtcDateTime);
        var days = DateOnly.FromDateTime(until.UtcDateTime).DayNumber - first.DayNumber + 1;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays, nameof(since));
        var ids = Enumerable.Range(0, days).Select(d => IdFor(topicId, first.AddDays(d))).Select(id => (id, new PartitionKey(id))).ToList();
        using var response = await cosmos.Pages.ReadManyItemsStreamAsync(ids, cancellationToken: cancellationToken).ConfigureAwait(false);
        var documents = await CosmosJson.ReadFeedAsync<DayDocument>(response, cancellationToken).ConfigureAwait(false);

        bool Inside(DateTimeOffset at) => at >= since && at <= until;
        return new StopRateCounts(
            documents.Where(d => d.TopicId == topicId).Sum(d => d.OptIns.Count(Inside)),
            documents.Where(d => d.TopicId == topicId).Sum(d => d.Stops.Count(Inside)));
    }

    private async Task RecordAsync(string topicId, string field, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var id = IdFor(topicId, day);
        var partitionKey = new PartitionKey(id);

        // The round-trip format keeps every tick and the offset, so the edges of a window compare exactly.
        var instant = at.ToString("O", CultureInfo.InvariantCulture);
        while (true)
        {
            using (var patch = await cosmos.Pages.PatchItemStreamAsync(id, partitionKey, [PatchOperation.Add($"/{field}/-", instant)], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (patch.StatusCode != HttpStatusCode.NotFound)
                {
                    patch.EnsureSuccessStatusCode();
                    return;
                }
            }

            // The day's first event creates its document; if another turn created it meanwhile, append to theirs.
            var document = new DayDocument(id, topicId, day, field == "optIns" ? [at] : [], field == "stops" ? [at] : []);
            using var body = CosmosJson.Write(document);
            using var create = await cosmos.Pages.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (create.StatusCode != HttpStatusCode.Conflict)
            {
                create.EnsureSuccessStatusCode();
                return;
            }
        }
    }

    private static string IdFor(string topicId, DateOnly day) => CosmosIds.Compose("stoprate", topicId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private sealed record DayDocument(string Id, string TopicId, DateOnly Day, List<DateTimeOffset> OptIns, List<DateTimeOffset> Stops);
}
