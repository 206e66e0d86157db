using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;

/// <summary>
/// The subscription tokens the stand-in knows for the Page: Meta issued every token the bot holds (the opt-in
/// webhook brought it), so on one machine the bot's active Messenger subscriptions are Meta's audience for
/// the delivery estimate (<see cref="LocalMarketingMessagesGraph.Estimate"/>). Read when an estimate is asked for.
/// </summary>
public sealed class LocalGraphAudience(ISubscriptionStore subscriptions, TopicCatalog topics)
{
    private const int PageSize = 500;

    public async Task<IReadOnlyCollection<string>> TokensAsync(CancellationToken cancellationToken)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in topics.Topics)
        {
            string? continuation = null;
            do
            {
                var page = await subscriptions.ListActiveByTopicAsync(topic.Id, continuation, PageSize, cancellationToken).ConfigureAwait(false);
                tokens.UnionWith(page.Subscriptions.Where(s => s.IsMessenger && s.Token is not null).Select(s => s.Token!));
                continuation = page.Continuation;
            }
            while (continuation is not null);
        }

        return tokens;
    }
}
