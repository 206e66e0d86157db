namespace ConversationBot.Notifications.Activity;

/// <summary>
/// One small record per (topic, UTC day) with the counts of <see cref="TopicDayCounts"/>, added to as the bot
/// works (SQLite and Cosmos DB in <c>Bot/Storage</c>); read for a range of days by the console's overview.
/// </summary>
public interface ITopicActivityStore
{
    /// <summary>Adds <paramref name="counts"/> to the topic's day, atomically (two instances adding at once both count).</summary>
    Task AddAsync(string topicId, DateOnly day, TopicDayCounts counts, CancellationToken cancellationToken);

    /// <summary>Every (topic, day) with counts from <paramref name="firstDay"/> to <paramref name="lastDay"/>, both included.</summary>
    Task<IReadOnlyList<TopicDay>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);
}
