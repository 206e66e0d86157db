namespace ConversationBot.Bot.Messenger;

/// <summary>
/// When each customer (PSID) last wrote to the page: the start of Messenger's 24-hour window for
/// ordinary messages. Small on purpose: the domain's window store replaces it later.
/// </summary>
public interface IMessengerWindowStore
{
    /// <summary>Keeps the later of the stored time and <paramref name="at"/> (events arrive out of order).</summary>
    Task RecordCustomerMessageAsync(string psid, DateTimeOffset at, CancellationToken cancellationToken);

    Task<DateTimeOffset?> LastCustomerMessageAsync(string psid, CancellationToken cancellationToken);
}
