using System.Globalization;

namespace ConversationBot.Bot.Delivery;

/// <summary>This process as a lease owner: unique per start, readable in the admin API and the logs.</summary>
public sealed class DeliveryInstance
{
    public string Id { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
}
