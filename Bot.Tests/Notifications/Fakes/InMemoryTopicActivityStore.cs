using System.Collections.Concurrent;
using ConversationBot.Notifications.Activity;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

public sealed class InMemoryTopicActivityStore : ITopicActivityStore
{
    private readonly ConcurrentDictionary<(string Topic, DateOnly Day), TopicDayCounts> _days = new();

    public Task AddAsync(string topicId, DateOnly day, TopicDayCounts counts, CancellationToken cancellationToken)
    {
        _days.AddOrUpdate((topicId, day), counts, (_, stored) => stored.Plus(counts));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TopicDay>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TopicDay>>([.. _days
            .Where(d => d.Key.Day >= firstDay && d.Key.Day <= lastDay)
            .OrderBy(d => d.Key.Topic, StringComparer.Ordinal).ThenBy(d => d.Key.Day)
            .Select(d => new TopicDay(d.Key.Topic, d.Key.Day, d.Value))]);
}
