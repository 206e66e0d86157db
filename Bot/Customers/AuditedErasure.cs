using ConversationBot.Notifications.Customers;

namespace ConversationBot.Bot.Customers;

/// <summary>
/// Erasing a customer as the operator's tools do it (the admin API, the console): every store, then one
/// audit line saying who asked, on which channel, and how many records each store erased. The line does
/// not name the customer: writing the erased id into the log would keep what was erased.
/// </summary>
public sealed partial class AuditedErasure(CustomerErasure erasure, ILogger<AuditedErasure> logger)
{
    public async Task<CustomerRecordCounts> EraseAsync(CustomerKey customer, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var erased = await erasure.EraseAsync(customer, cancellationToken).ConfigureAwait(false);
        LogErased(logger, requestedBy, customer.ChannelId, erased.Total, string.Join(", ", erased.Stores.Select(s => $"{s.Store}: {s.Records}")));
        return erased;
    }

    public Task<CustomerRecordCounts> CountAsync(CustomerKey customer, CancellationToken cancellationToken) => erasure.CountAsync(customer, cancellationToken);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Audit: {RequestedBy} erased a {ChannelId} customer: {Total} record(s) ({PerStore})")]
    private static partial void LogErased(ILogger logger, string requestedBy, string channelId, long total, string perStore);
}
