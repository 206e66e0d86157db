using System.Globalization;
using System.Net;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Notifications.StopRate;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Opt-in and stop counts per topic, one document per (topic, UTC day) in <c>pages</c> with 24 hourly
/// slots of two integers each (<see cref="StopRateDayDocument"/>): a fixed size, about 1 KB whatever the
/// traffic. It held every instant before, an array that reached the 2 MB item limit at some 55,000
/// events and then failed every opt-in and stop of the topic for the rest of the day (issue 26, item 3).
/// <para>
/// A day with hourly slots rather than a document per hour: the guard's seven-day window is then one
/// read-many of eight documents (as it was), not 169; reads cost per document, writes are one patch either way.
/// </para>
/// Recording is a patch that increments one slot: atomic on the service, so the many turns of a busy
/// topic never retry each other. The day's first event creates the document (all slots zero but its
/// own); when another turn created it meanwhile (409) the increment is patched onto theirs.
/// Counting sums the slots of the hours that overlap the window (<see cref="StopRateHour.Covering"/>).
/// </summary>
public sealed class CosmosStopRateCounterStore(CosmosDatabase cosmos) : IStopRateCounterStore
{
    /// <summary>The guard asks about days; a window of years means a caller's mistake, not a query to run.</summary>
    public const int MaxDays = 400;

    public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, StopRateDayDocument.OptInsField, at, cancellationToken);

    public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, StopRateDayDocument.StopsField, at, cancellationToken);

    public async Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        if (until < since)
        {
            return new StopRateCounts(0, 0);
        }

        var (firstHour, lastHour) = StopRateHour.Covering(since, until);
        var first = DateOnly.FromDateTime(firstHour.UtcDateTime);
        var days = DateOnly.FromDateTime(lastHour.UtcDateTime).DayNumber - first.DayNumber + 1;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays, nameof(since));
        var ids = Enumerable.Range(0, days).Select(d => IdFor(topicId, first.AddDays(d))).Select(id => (id, new PartitionKey(id))).ToList();
        using var response = await cosmos.Pages.ReadManyItemsStreamAsync(ids, cancellationToken: cancellationToken).ConfigureAwait(false);
        var documents = await CosmosJson.ReadFeedAsync<StopRateDayDocument>(response, cancellationToken).ConfigureAwait(false);

        var optIns = 0;
        var stops = 0;
        foreach (var document in documents.Where(d => d.TopicId == topicId))
        {
            var midnight = new DateTimeOffset(document.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            for (var hour = 0; hour < 24; hour++)
            {
                var start = midnight.AddHours(hour);
                if (start >= firstHour && start <= lastHour)
                {
                    optIns += document.OptIns.GetValueOrDefault(StopRateDayDocument.Slot(hour));
                    stops += document.Stops.GetValueOrDefault(StopRateDayDocument.Slot(hour));
                }
            }
        }

        return new StopRateCounts(optIns, stops);
    }

    private async Task RecordAsync(string topicId, string field, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        var utc = at.UtcDateTime;
        var day = DateOnly.FromDateTime(utc);
        var id = IdFor(topicId, day);
        var partitionKey = new PartitionKey(id);
        PatchOperation[] increment = [PatchOperation.Increment($"/{field}/{StopRateDayDocument.Slot(utc.Hour)}", 1)];
        while (true)
        {
            using (var patch = await cosmos.Pages.PatchItemStreamAsync(id, partitionKey, increment, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (patch.StatusCode != HttpStatusCode.NotFound)
                {
                    patch.EnsureSuccessStatusCode();
                    return;
                }
            }

            // The day's first event creates its document; if another turn created it meanwhile, increment theirs.
            using var body = CosmosJson.Write(StopRateDayDocument.First(id, topicId, day, field, utc.Hour));
            using var create = await cosmos.Pages.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (create.StatusCode != HttpStatusCode.Conflict)
            {
                create.EnsureSuccessStatusCode();
                return;
            }
        }
    }

    /// <remarks>
    /// A kind of its own ("stoprate-h"), not the "stoprate" of the documents of instants that came before:
    /// an increment on one of those (arrays where slots are expected) would fail every opt-in of that day.
    /// Those are left alone and no longer read, so after the upgrade the guard counts from zero (docs/cosmos-db.md).
    /// </remarks>
    private static string IdFor(string topicId, DateOnly day) => CosmosIds.Compose("stoprate-h", topicId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
