using System.Globalization;
using ConversationBot.Notifications.Activity;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Topic activity per UTC day in Cosmos DB, as the funnel keeps its days: one fixed-size document of counters
/// per (day, topic) in <c>pages</c>, added to by one patch of the counts that changed (<see cref="CosmosCounters"/>);
/// read by a query with a scan, as the operator's overview asks for it now and then.
/// </summary>
public sealed class CosmosTopicActivityStore(CosmosDatabase cosmos) : ITopicActivityStore
{
    private const string Kind = "topic-day";

    public async Task AddAsync(string topicId, DateOnly day, TopicDayCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        var dayText = CosmosCounters.Day(day);
        var id = CosmosIds.Compose(Kind, dayText, topicId);
        var increments = Increments(counts);
        if (increments.Count > 0)
        {
            await CosmosCounters.AddAsync(
                cosmos.Pages,
                id,
                increments,
                () => new TopicDayDocument(id, Kind, dayText, topicId, counts.Offered, counts.Accepted, counts.Declined, counts.Stopped, counts.Sent, counts.Skipped, counts.Failed),
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<TopicDay>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var days = (await CosmosCounters.ReadDaysAsync<TopicDayDocument>(cosmos.Pages, Kind, firstDay, lastDay, cancellationToken).ConfigureAwait(false))
            .Select(d => new TopicDay(
                d.TopicId,
                DateOnly.ParseExact(d.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                new TopicDayCounts(d.Offered, d.Accepted, d.Declined, d.Stopped, d.Sent, d.Skipped, d.Failed)));
        return [.. days.OrderBy(d => d.TopicId, StringComparer.Ordinal).ThenBy(d => d.Day)];
    }

    private static List<PatchOperation> Increments(TopicDayCounts counts)
    {
        var increments = new List<PatchOperation>(7);
        void Add(string field, long value)
        {
            if (value != 0)
            {
                increments.Add(PatchOperation.Increment("/" + field, value));
            }
        }

        Add("offered", counts.Offered);
        Add("accepted", counts.Accepted);
        Add("declined", counts.Declined);
        Add("stopped", counts.Stopped);
        Add("sent", counts.Sent);
        Add("skipped", counts.Skipped);
        Add("failed", counts.Failed);
        return increments;
    }

    private sealed record TopicDayDocument(
        string Id, string Kind, string Day, string TopicId, long Offered, long Accepted, long Declined, long Stopped, long Sent, long Skipped, long Failed);
}
