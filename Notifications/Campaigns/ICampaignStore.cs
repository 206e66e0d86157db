namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// Where campaigns live (SQLite, Cosmos DB in <c>Bot/</c>). Implementations store
/// <see cref="Campaign.ToSnapshot"/> and rebuild with <see cref="Campaign.Restore"/>. Saves are
/// optimistic on <see cref="Campaign.Version"/>, which is what makes a lease exclusive.
/// </summary>
public interface ICampaignStore
{
    /// <summary>Stores a new campaign; false when one with the same id exists (a schedule's firing is created once however many instances try).</summary>
    Task<bool> TryCreateAsync(Campaign campaign, CancellationToken cancellationToken);

    Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Saves when the stored version still equals <see cref="Campaign.Version"/>, then stores version + 1; false on a conflict.</summary>
    Task<bool> TrySaveAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> campaigns that are not finished and whose start time has come
    /// (<see cref="CampaignStatus.Scheduled"/> or <see cref="CampaignStatus.Running"/>); the caller
    /// checks <see cref="Campaign.IsDueAt"/>, so a store may return more than are due.
    /// </summary>
    Task<IReadOnlyList<Campaign>> ListUnfinishedAsync(DateTimeOffset startedBy, int max, CancellationToken cancellationToken);

    /// <summary>One page of campaigns in id order (ids sort by creation time), optionally of one status.</summary>
    Task<CampaignPage> ListAsync(CampaignStatus? status, string? continuation, int pageSize, CancellationToken cancellationToken);
}
