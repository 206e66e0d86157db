using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Notifications.StopRate;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Opt-in and stop counts per topic in one document of <c>pages</c>: a ring of hourly slots as long as the
/// guard's window and one hour more (<see cref="StopRateRingDocument"/>), so the guard's count is one point
/// read (issue 26, item 2) and the document's size is fixed whatever the traffic (item 3).
/// <para>
/// Recording is one patch that increments the slot on the condition that it holds the event's hour; atomic
/// on the service, so the many turns of a busy topic never retry each other. An hour's first event instead
/// claims the slot for its hour with itself counted, on the condition that the slot holds an earlier hour;
/// whoever loses that race increments the winner's. Which of the two patches to send first is what this
/// instance last saw of the ring (a read, or the document a patch answered with); when it guessed wrong the
/// condition fails (412) and it sends the other. An event older than the hour its slot holds is older than
/// any window and is not counted.
/// </para>
/// <para>
/// Before the ring, counts were kept per (topic, UTC day) in 24 hourly slots (<see cref="StopRateDayDocument"/>,
/// "stoprate-h"). A topic's first opt-in or stop after the upgrade builds its ring from those days (a read-many,
/// once per topic), and until then the guard counts what they say, so it keeps its window across the upgrade. A
/// count only reads: it never creates the ring. The day documents are read no more once the ring exists, and are
/// left alone.
/// </para>
/// </summary>
public sealed class CosmosStopRateCounterStore : IStopRateCounterStore
{
    private readonly CosmosDatabase _cosmos;

    /// <summary>Per topic, the hours of the ring's slots as this instance last saw them (a hint: the conditions decide).</summary>
    private readonly ConcurrentDictionary<string, long[]> _seenHours = new(StringComparer.Ordinal);

    /// <summary>Topics without a ring whose day documents from before it had nothing for the window asked.</summary>
    private readonly ConcurrentDictionary<string, bool> _withoutDayDocuments = new(StringComparer.Ordinal);

    public CosmosStopRateCounterStore(CosmosDatabase cosmos, StopRateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cosmos = cosmos;
        RingLength = RingLengthFor(options.Window);
    }

    /// <summary>The ring's slots: the hours any window of the guard overlaps (<see cref="StopRateHour.Covering"/>).</summary>
    public int RingLength { get; }

    public static int RingLengthFor(TimeSpan window) => (int)Math.Ceiling(window / StopRateHour.Length) + 1;

    public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, StopRateRingDocument.OptInsField, at, cancellationToken);

    public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, StopRateRingDocument.StopsField, at, cancellationToken);

    public async Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        if (until < since)
        {
            return new StopRateCounts(0, 0);
        }

        var (firstHour, lastHour) = StopRateHour.Covering(since, until);
        var first = StopRateRingDocument.HourNumber(firstHour);
        var last = StopRateRingDocument.HourNumber(lastHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(last - first + 1, RingLength, nameof(since));

        var ring = await ReadRingAsync(topicId, cancellationToken).ConfigureAwait(false);
        if (ring is null)
        {
            // No opt-in or stop of the topic since the upgrade: what the day documents kept before it say, if any.
            // Once they had nothing for a window they have nothing for any later one (no longer written): not asked again.
            if (_withoutDayDocuments.ContainsKey(topicId))
            {
                return new StopRateCounts(0, 0);
            }

            ring = StopRateRingDocument.Empty(IdFor(topicId), topicId, RingLength);
            var days = await DayDocumentHoursAsync(topicId, first, last, cancellationToken).ConfigureAwait(false);
            if (days.Count == 0)
            {
                _withoutDayDocuments.TryAdd(topicId, true);
            }

            foreach (var (hour, dayOptIns, dayStops) in days)
            {
                ring.Add(hour, dayOptIns, dayStops);
            }
        }

        var (optIns, stops) = ring.Sum(first, last);
        return new StopRateCounts(checked((int)optIns), checked((int)stops));
    }

    private async Task RecordAsync(string topicId, string field, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        var id = IdFor(topicId);
        var partitionKey = new PartitionKey(id);
        var hour = StopRateRingDocument.HourNumber(at);
        var slot = StopRateRingDocument.SlotOf(hour, RingLength);
        var key = StopRateRingDocument.Key(slot);
        PatchOperation[] increment = [PatchOperation.Increment($"/{field}/{key}", 1)];
        var holdsTheHour = new PatchItemRequestOptions { FilterPredicate = $"from c where c.{StopRateRingDocument.HoursField}[{slot}] = {hour}" };
        PatchOperation[] claim =
        [
            PatchOperation.Set($"/{StopRateRingDocument.HoursField}/{slot}", hour),
            PatchOperation.Set($"/{StopRateRingDocument.OptInsField}/{key}", field == StopRateRingDocument.OptInsField ? 1 : 0),
            PatchOperation.Set($"/{StopRateRingDocument.StopsField}/{key}", field == StopRateRingDocument.StopsField ? 1 : 0),
        ];
        var holdsAnEarlierHour = new PatchItemRequestOptions { FilterPredicate = $"from c where c.{StopRateRingDocument.HoursField}[{slot}] < {hour}" };

        // What this instance last saw of the ring says which patch will do: an hour's first event claims its slot
        // at once instead of learning from a failed increment that it has to (412, a round trip).
        var claimFirst = _seenHours.TryGetValue(topicId, out var seen) && seen[slot] < hour;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!claimFirst)
            {
                using var patch = await _cosmos.Pages.PatchItemStreamAsync(id, partitionKey, increment, holdsTheHour, cancellationToken).ConfigureAwait(false);
                if (patch.StatusCode == HttpStatusCode.NotFound)
                {
                    if (await CreateRingAsync(topicId, hour, field, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        return;
                    }

                    continue;
                }

                if (patch.StatusCode != HttpStatusCode.PreconditionFailed)
                {
                    await SeeAsync(topicId, patch, cancellationToken).ConfigureAwait(false);
                    return;
                }

                // The slot holds another hour: claim it for this one, with this event counted.
                claimFirst = true;
                continue;
            }

            using (var claimed = await _cosmos.Pages.PatchItemStreamAsync(id, partitionKey, claim, holdsAnEarlierHour, cancellationToken).ConfigureAwait(false))
            {
                if (claimed.StatusCode == HttpStatusCode.NotFound)
                {
                    claimFirst = false;
                    continue;
                }

                if (claimed.StatusCode != HttpStatusCode.PreconditionFailed)
                {
                    await SeeAsync(topicId, claimed, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }

            // Another turn claimed the slot meanwhile (then the increment finds its hour), or the slot holds a
            // later hour, and this event is older than any window the guard asks about.
            var ring = await ReadRingAsync(topicId, cancellationToken).ConfigureAwait(false);
            if (ring is not null && ring.Hours[slot] > hour)
            {
                return;
            }

            claimFirst = false;
        }
    }

    /// <summary>Remembers the hours of the ring a successful patch answered with (the service sends the document back).</summary>
    private async Task SeeAsync(string topicId, ResponseMessage patched, CancellationToken cancellationToken)
    {
        patched.EnsureSuccessStatusCode();
        if (patched.Content is not null)
        {
            _seenHours[topicId] = (await CosmosJson.ReadAsync<StopRateRingDocument>(patched, cancellationToken).ConfigureAwait(false)).Hours;
        }
    }

    private async Task<StopRateRingDocument?> ReadRingAsync(string topicId, CancellationToken cancellationToken)
    {
        var id = IdFor(topicId);
        using var read = await _cosmos.Pages.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var ring = await CosmosJson.ReadAsync<StopRateRingDocument>(read, cancellationToken).ConfigureAwait(false);
        _seenHours[topicId] = ring.Hours;
        return ring;
    }

    /// <summary>
    /// The topic's ring as its first event after the upgrade creates it: built from the day documents kept before
    /// it (the hours up to <paramref name="hour"/> that the ring holds) with the event counted. Null when another
    /// turn created it first.
    /// </summary>
    private async Task<StopRateRingDocument?> CreateRingAsync(string topicId, long hour, string field, CancellationToken cancellationToken)
    {
        var id = IdFor(topicId);
        var ring = StopRateRingDocument.Empty(id, topicId, RingLength);
        foreach (var (dayHour, optIns, stops) in await DayDocumentHoursAsync(topicId, hour - RingLength + 1, hour, cancellationToken).ConfigureAwait(false))
        {
            ring.Add(dayHour, optIns, stops);
        }

        ring.Add(hour, field == StopRateRingDocument.OptInsField ? 1 : 0, field == StopRateRingDocument.StopsField ? 1 : 0);

        using var body = CosmosJson.Write(ring);
        using var create = await _cosmos.Pages.CreateItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (create.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        create.EnsureSuccessStatusCode();
        _seenHours[topicId] = ring.Hours;
        return ring;
    }

    /// <summary>The hours in [<paramref name="firstHour"/>, <paramref name="lastHour"/>] with counts in the day documents of before the ring.</summary>
    private async Task<List<(long Hour, long OptIns, long Stops)>> DayDocumentHoursAsync(string topicId, long firstHour, long lastHour, CancellationToken cancellationToken)
    {
        var first = DateOnly.FromDateTime(new DateTime(firstHour * TimeSpan.TicksPerHour, DateTimeKind.Utc));
        var last = DateOnly.FromDateTime(new DateTime(lastHour * TimeSpan.TicksPerHour, DateTimeKind.Utc));
        var ids = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1)
            .Select(d => DayIdFor(topicId, first.AddDays(d)))
            .Select(id => (id, new PartitionKey(id)))
            .ToList();
        using var response = await _cosmos.Pages.ReadManyItemsStreamAsync(ids, cancellationToken: cancellationToken).ConfigureAwait(false);
        var days = await CosmosJson.ReadFeedAsync<StopRateDayDocument>(response, cancellationToken).ConfigureAwait(false);
        var hours = new List<(long, long, long)>();
        foreach (var day in days.Where(d => d.TopicId == topicId))
        {
            var midnight = StopRateRingDocument.HourNumber(new DateTimeOffset(day.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            for (var h = 0; h < 24; h++)
            {
                var optIns = day.OptIns.GetValueOrDefault(StopRateDayDocument.Slot(h));
                var stops = day.Stops.GetValueOrDefault(StopRateDayDocument.Slot(h));
                if (midnight + h >= firstHour && midnight + h <= lastHour && (optIns != 0 || stops != 0))
                {
                    hours.Add((midnight + h, optIns, stops));
                }
            }
        }

        return hours;
    }

    /// <remarks>
    /// The ring's length is in its id: a change of the guard's window starts a ring of the new length (built
    /// from the day documents while they still hold the window, then from zero) instead of misreading the old one.
    /// </remarks>
    private string IdFor(string topicId) => CosmosIds.Compose("stoprate-r", topicId, RingLength.ToString(CultureInfo.InvariantCulture));

    /// <summary>The day documents of before the ring ("stoprate-h", <see cref="StopRateDayDocument"/>), read once per topic to build it.</summary>
    private static string DayIdFor(string topicId, DateOnly day) => CosmosIds.Compose("stoprate-h", topicId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
