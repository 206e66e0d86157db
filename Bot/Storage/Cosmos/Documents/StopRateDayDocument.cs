using System.Globalization;

namespace ConversationBot.Bot.Storage.Cosmos.Documents;

/// <summary>
/// One topic's opt-ins and stops of one UTC day, by hour: <c>{"optIns": {"h00": 0, ..., "h23": 0}, "stops": {...}}</c>,
/// as the stop-rate counts were kept before the ring (<see cref="StopRateRingDocument"/>). No longer written; read
/// once per topic, to build its ring from the hours they hold.
/// </summary>
public sealed record StopRateDayDocument(string Id, string TopicId, DateOnly Day, Dictionary<string, int> OptIns, Dictionary<string, int> Stops)
{
    public static string Slot(int hour) => "h" + hour.ToString("00", CultureInfo.InvariantCulture);
}
