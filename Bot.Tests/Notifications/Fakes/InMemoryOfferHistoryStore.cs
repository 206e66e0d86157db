using ConversationBot.Notifications.OptIns;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

public sealed class InMemoryOfferHistoryStore : IOfferHistoryStore
{
    private readonly Dictionary<(string, string), OfferHistory> _histories = [];

    public Task<OfferHistory> GetAsync(string channelId, string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(_histories.GetValueOrDefault((channelId, customerId), OfferHistory.Empty));

    public Task RecordRequestAsync(string channelId, string customerId, OptInRequestRecord request, CancellationToken cancellationToken) =>
        Update(channelId, customerId, h => h with { Requests = [.. h.Requests, request] });

    public Task RecordDeclineAsync(string channelId, string customerId, OptInDeclineRecord decline, CancellationToken cancellationToken) =>
        Update(channelId, customerId, h => h with { Declines = [.. h.Declines, decline] });

    public Task BlockOffersUntilAsync(string channelId, string customerId, DateTimeOffset until, CancellationToken cancellationToken) =>
        Update(channelId, customerId, h => h with { OffersBlockedUntil = until });

    private Task Update(string channelId, string customerId, Func<OfferHistory, OfferHistory> change)
    {
        _histories[(channelId, customerId)] = change(_histories.GetValueOrDefault((channelId, customerId), OfferHistory.Empty));
        return Task.CompletedTask;
    }
}
