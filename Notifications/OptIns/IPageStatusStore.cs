namespace ConversationBot.Notifications.OptIns;

/// <summary>The Messenger page's restrictions, set from classified platform errors.</summary>
public interface IPageStatusStore
{
    /// <summary>The page's status, or <see cref="PageStatus.Unrestricted"/>.</summary>
    Task<PageStatus> GetAsync(string pageId, CancellationToken cancellationToken);

    Task BarOptInsUntilAsync(string pageId, DateTimeOffset until, CancellationToken cancellationToken);

    Task PauseSendsUntilAsync(string pageId, DateTimeOffset until, CancellationToken cancellationToken);
}
