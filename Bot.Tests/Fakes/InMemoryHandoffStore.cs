using System.Collections.Concurrent;
using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Tests.Fakes;

/// <summary>A hand-off store for conversation tests that do not need a database.</summary>
public sealed class InMemoryHandoffStore : IHandoffStore
{
    private readonly ConcurrentDictionary<(string, string), Handoff> _handoffs = new();

    public Task<Handoff?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_handoffs.GetValueOrDefault((channelId, conversationId)));

    public Task SaveAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        _handoffs[(handoff.ChannelId, handoff.ConversationId)] = handoff;
        return Task.CompletedTask;
    }

    public Task<bool> TryReplaceAsync(Handoff changed, CancellationToken cancellationToken)
    {
        var key = (changed.ChannelId, changed.ConversationId);
        return Task.FromResult(_handoffs.TryGetValue(key, out var stored)
            && stored.Version == changed.Version - 1
            && _handoffs.TryUpdate(key, changed, stored));
    }

    public Task<bool> ReleaseAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_handoffs.TryRemove((channelId, conversationId), out _));

    public Task<IReadOnlyList<Handoff>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Handoff>>([.. _handoffs.Values]);
}
