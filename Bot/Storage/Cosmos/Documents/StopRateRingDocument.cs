using System.Globalization;

namespace ConversationBot.Bot.Storage.Cosmos.Documents;

/// <summary>
/// One topic's opt-ins and stops of its latest hours, in a ring of <c>n</c> hourly slots:
/// <c>{"hours": [...], "optIns": {"0": 0, ..., "168": 0}, "stops": {...}}</c>. The hour <c>h</c> (whole hours
/// since 1970-01-01 UTC) lives in slot <c>h % n</c>, and <c>hours[slot]</c> says which hour the slot's counts
/// belong to (-1: none yet). <c>n</c> is one more than the guard's window in hours, so every hour a window
/// overlaps has its own slot and one point read answers the guard. The size is fixed by <c>n</c>, whatever the
/// traffic: about 3.5 KB for the 7-day window's 169 slots.
/// <para>
/// The counts are properties named by their slot, not array positions: a patch increments a property by
/// name, the form the service documents for <c>Increment</c> (an increment of an array element once inserted
/// an element instead on Azure, azure-cosmos-dotnet-v3 issue 3659). The hours stay an array, changed only by
/// <c>Set</c>, which the service documents for array positions, and read by the patches' conditions.
/// </para>
/// </summary>
public sealed record StopRateRingDocument(string Id, string TopicId, long[] Hours, Dictionary<string, long> OptIns, Dictionary<string, long> Stops)
{
    public const string OptInsField = "optIns";
    public const string StopsField = "stops";

    /// <summary>The property the conditions name: lower case, as the local test server lower-cases a condition before it runs it.</summary>
    public const string HoursField = "hours";

    public const long NoHour = -1;

    public int Length => Hours.Length;

    public static long HourNumber(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerHour;

    public static int SlotOf(long hour, int length) => (int)(hour % length);

    /// <summary>The name of a slot's count in <see cref="OptIns"/> and <see cref="Stops"/>.</summary>
    public static string Key(int slot) => slot.ToString(CultureInfo.InvariantCulture);

    public static StopRateRingDocument Empty(string id, string topicId, int length) =>
        new(id, topicId, [.. Enumerable.Repeat(NoHour, length)], Zeros(length), Zeros(length));

    /// <summary>Adds counts to the slot of <paramref name="hour"/>, unless the slot holds a later hour (then the counts are too old for any window).</summary>
    public void Add(long hour, long optIns, long stops)
    {
        var slot = SlotOf(hour, Length);
        if (Hours[slot] > hour)
        {
            return;
        }

        var key = Key(slot);
        if (Hours[slot] < hour)
        {
            Hours[slot] = hour;
            OptIns[key] = 0;
            Stops[key] = 0;
        }

        OptIns[key] = OptIns.GetValueOrDefault(key) + optIns;
        Stops[key] = Stops.GetValueOrDefault(key) + stops;
    }

    /// <summary>The sums over the slots whose hour lies in [<paramref name="firstHour"/>, <paramref name="lastHour"/>].</summary>
    public (long OptIns, long Stops) Sum(long firstHour, long lastHour)
    {
        long optIns = 0;
        long stops = 0;
        for (var slot = 0; slot < Length; slot++)
        {
            if (Hours[slot] >= firstHour && Hours[slot] <= lastHour)
            {
                optIns += OptIns.GetValueOrDefault(Key(slot));
                stops += Stops.GetValueOrDefault(Key(slot));
            }
        }

        return (optIns, stops);
    }

    private static Dictionary<string, long> Zeros(int length) => Enumerable.Range(0, length).ToDictionary(Key, _ => 0L, StringComparer.Ordinal);
}
