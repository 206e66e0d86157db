namespace ConversationBot.Bot.Storage.Cosmos.Documents;

/// <summary>
/// In <c>lookups</c>: the subscriptions of one (channel, customer). Channel ids compare ignoring case,
/// so the id uses the lower-case channel. Entries are only added (a subscription id keeps its channel,
/// customer and topic for life); readers skip entries whose subscription was never stored.
/// </summary>
public sealed record CustomerIndexDocument(string Id, string ChannelId, string CustomerId, List<CustomerIndexEntry> Subscriptions)
{
    public static string IdFor(string channelId, string customerId) => CosmosIds.Compose("customer", channelId.ToLowerInvariant(), customerId);
}
