namespace ConversationBot.Notifications.Delivery.Work;

/// <summary>
/// Where a campaign's work items live (SQLite, Cosmos DB in <c>Bot/</c>). Saves are optimistic on
/// <see cref="CampaignWorkItem.Version"/>, which is what makes an item's lease exclusive between instances.
/// </summary>
public interface ICampaignWorkStore
{
    /// <summary>Stores a new item; false when the campaign already has an item with that index.</summary>
    Task<bool> TryCreateAsync(CampaignWorkItem item, CancellationToken cancellationToken);

    /// <summary>Every item of the campaign, in index order.</summary>
    Task<IReadOnlyList<CampaignWorkItem>> ListAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Saves when the stored version still equals <see cref="CampaignWorkItem.Version"/>, then stores version + 1; false on a conflict.</summary>
    Task<bool> TrySaveAsync(CampaignWorkItem item, CancellationToken cancellationToken);

    Task<CampaignWorkItem?> FindAsync(string campaignId, int index, CancellationToken cancellationToken);
}
