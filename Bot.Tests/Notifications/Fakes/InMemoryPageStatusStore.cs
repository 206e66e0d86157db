using ConversationBot.Notifications.OptIns;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

public sealed class InMemoryPageStatusStore : IPageStatusStore
{
    private readonly Dictionary<string, PageStatus> _pages = new(StringComparer.Ordinal);

    public Task<PageStatus> GetAsync(string pageId, CancellationToken cancellationToken) =>
        Task.FromResult(_pages.GetValueOrDefault(pageId, PageStatus.Unrestricted));

    public Task BarOptInsUntilAsync(string pageId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        _pages[pageId] = _pages.GetValueOrDefault(pageId, PageStatus.Unrestricted) with { OptInsBarredUntil = until };
        return Task.CompletedTask;
    }

    public Task PauseSendsUntilAsync(string pageId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        _pages[pageId] = _pages.GetValueOrDefault(pageId, PageStatus.Unrestricted) with { SendsPausedUntil = until };
        return Task.CompletedTask;
    }
}
