namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// The shop's opening hours for test hosts. The shipped ones (Bot/appsettings.json: weekdays 08:00–18:00,
/// Saturday 09:00–16:00, Sunday closed, Europe/Zurich) make the bot add "we're closed" to a hand-off
/// outside them, so a test on the system clock would answer differently by the hour the suite runs at.
/// Test hosts (BotHost, BotProcess) are open around the clock, as they have no quiet hours; tests of the
/// hours put the shipped ones back (<see cref="AsShipped"/>) and run on a fake clock. The dialog harness
/// (ConversationHarness) keeps the shipped hours, which its contact card tests read: its fake clock starts
/// on a Wednesday at 10:00 in Zurich, inside them.
/// </summary>
public static class ShopHours
{
    public static IReadOnlyDictionary<string, string?> AlwaysOpen { get; } = new Dictionary<string, string?>
    {
        ["Shop:OpeningHours:0:Hours"] = "00:00–24:00",
        ["Shop:OpeningHours:1:Hours"] = "00:00–24:00",
        ["Shop:OpeningHours:2:Closed"] = "false",
        ["Shop:OpeningHours:2:Hours"] = "00:00–24:00",
    };

    public static IReadOnlyDictionary<string, string?> AsShipped { get; } = new Dictionary<string, string?>
    {
        ["Shop:OpeningHours:0:Hours"] = "08:00–18:00",
        ["Shop:OpeningHours:1:Hours"] = "09:00–16:00",
        ["Shop:OpeningHours:2:Closed"] = "true",
        ["Shop:OpeningHours:2:Hours"] = string.Empty,
    };
}
