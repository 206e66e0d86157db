using System.Globalization;

namespace ConversationBot.Bot.Storage.Cosmos.Documents;

/// <summary>
/// One topic's opt-ins and stops of one UTC day, by hour: <c>{"optIns": {"h00": 0, ..., "h23": 0}, "stops": {...}}</c>.
/// Every slot exists from creation, so the document's size is fixed (48 small integers, well under 1 KB)
/// and an increment always finds a number at its path. Slots are named, not array positions: a patch
/// increments a property by name, the form the service documents for <c>Increment</c>.
/// </summary>
public sealed record StopRateDayDocument(string Id, string TopicId, DateOnly Day, Dictionary<string, int> OptIns, Dictionary<string, int> Stops)
{
    public const string OptInsField = "optIns";
    public const string StopsField = "stops";

    public static string Slot(int hour) => "h" + hour.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The day's document as its first event creates it: every slot zero but that event's.</summary>
    public static StopRateDayDocument First(string id, string topicId, DateOnly day, string field, int hour)
    {
        var optIns = Zeros();
        var stops = Zeros();
        (field == OptInsField ? optIns : stops)[Slot(hour)] = 1;
        return new StopRateDayDocument(id, topicId, day, optIns, stops);
    }

    private static Dictionary<string, int> Zeros() => Enumerable.Range(0, 24).ToDictionary(Slot, _ => 0, StringComparer.Ordinal);
}
