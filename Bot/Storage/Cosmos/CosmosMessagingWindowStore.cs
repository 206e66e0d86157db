using ConversationBot.Notifications.Window;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>The last customer message per (channel, customer): one small document in <c>customers</c>, read and written by id.</summary>
public sealed class CosmosMessagingWindowStore(CosmosDatabase cosmos) : IMessagingWindowStore
{
    public async Task<MessagingWindow> GetAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(customerId);
        var id = IdFor(channelId, customerId);
        using var read = await cosmos.Customers.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return MessagingWindow.NeverOpened(channelId, customerId);
        }

        var stored = await CosmosJson.ReadAsync<WindowDocument>(read, cancellationToken).ConfigureAwait(false);
        return MessagingWindow.Restore(channelId, customerId, stored.LastCustomerMessageAt);
    }

    /// <remarks>The window only moves forward: a save older than the stored instant leaves the document alone, whichever turn commits last.</remarks>
    public async Task SaveAsync(MessagingWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.LastCustomerMessageAt is not { } last)
        {
            return;
        }

        var id = IdFor(window.ChannelId, window.CustomerId);
        await CosmosDocumentUpdate.UpdateAsync<WindowDocument>(
            cosmos.Customers,
            id,
            new PartitionKey(id),
            stored => stored is not null && stored.LastCustomerMessageAt >= last ? null : new WindowDocument(id, window.ChannelId, window.CustomerId, last),
            cancellationToken).ConfigureAwait(false);
    }

    internal static string IdFor(string channelId, string customerId) => CosmosIds.Compose("window", channelId, customerId);

    private sealed record WindowDocument(string Id, string ChannelId, string CustomerId, DateTimeOffset LastCustomerMessageAt);
}
