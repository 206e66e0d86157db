namespace ConversationBot.Bench.Cost;

/// <summary>
/// The reference workload of issue #26: 10,000 customers x 5 turns a day and one weekly campaign to
/// 50,000 subscribers, over 30 days, on one instance. The counts of "my notifications", opt-ins and
/// new conversations are not in the issue: they are assumptions, printed with the figure.
/// </summary>
internal static class ReferenceWorkload
{
    public const int Customers = 10_000;
    public const int TurnsPerDay = 5;
    public const int Days = 30;
    public const int Subscribers = 50_000;
    public const int Instances = 1;

    /// <summary>Serverless: USD per million RU (https://azure.microsoft.com/pricing/details/cosmos-db/serverless/).</summary>
    public const double UsdPerMillionUnits = 0.25;

    /// <summary>Assumption: each customer opens "my notifications" once a month.</summary>
    public const int MyNotificationsPerMonth = Customers;

    /// <summary>Assumption: a tenth of the subscribers opt in anew each month.</summary>
    public const int OptInsPerMonth = Subscribers / 10;

    /// <summary>Assumption: each customer starts one new conversation a month; every other day's visit continues it.</summary>
    public const int NewConversationsPerMonth = Customers;

    /// <summary>The flush of the console's topic counts (<c>Cosmos:TopicCountsFlushInterval</c>'s default).</summary>
    public static readonly TimeSpan FlushInterval = new ConversationBot.Bot.Storage.Cosmos.CosmosOptions().TopicCountsFlushInterval;

    /// <summary>Assumption: every interval of the month has a count to write, on each instance.</summary>
    public static double FlushesPerMonth => TimeSpan.FromDays(Days) / FlushInterval * Instances;

    /// <summary>
    /// The month in units: (unit, count, how it is counted). With <paramref name="plainTurns"/> the
    /// new, steady and returning turns are that host's (the stock state pattern's), the rest <paramref name="chat"/>'s.
    /// </summary>
    public static IReadOnlyList<(UnitCost Unit, double Count, string Why)> Month(ChatCosts chat, UnitCost delivery, UnitCost idle, ChatCosts? plainTurns = null)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var turnsOf = plainTurns ?? chat;
        const double turns = (double)Customers * TurnsPerDay * Days;
        const double visits = (double)Customers * Days;
        return
        [
            (turnsOf.Opened, NewConversationsPerMonth, "each new conversation (on Messenger there is none)"),
            (turnsOf.NewConversation, NewConversationsPerMonth, "assumed: one new conversation per customer a month"),
            (turnsOf.Visit, visits - NewConversationsPerMonth, "each customer's first turn of the day, more than a minute after the last"),
            (chat.MyNotifications, MyNotificationsPerMonth, "assumed: once per customer a month"),
            (chat.OptIn, OptInsPerMonth, "assumed: a tenth of the subscribers opt in anew a month"),
            (turnsOf.Steady, turns - visits - MyNotificationsPerMonth - OptInsPerMonth, $"the other turns of {turns:N0} ({Customers:N0} x {TurnsPerDay} x {Days})"),
            (delivery, Subscribers * Days / 7.0, $"{Subscribers:N0} subscribers x {Days}/7 weekly campaigns"),
            (chat.CountsFlushed, FlushesPerMonth, $"assumed: activity in every {FlushInterval.TotalSeconds:0} s of the month (an upper bound), {Instances} instance"),
            (idle, 24.0 * Days * Instances, $"{Instances} instance x {24 * Days} hours"),
        ];
    }

    public static double Units(IEnumerable<(UnitCost Unit, double Count, string Why)> month) => month.Sum(m => m.Count * m.Unit.EstimatedUnits);

    public static double Usd(double units) => units / 1_000_000 * UsdPerMillionUnits;
}
