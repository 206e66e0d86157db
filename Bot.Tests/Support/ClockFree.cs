namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// The trait of a test that reads no clock at all, neither the real one nor a fake: every instant it uses is a
/// constant it passes in, and the code it runs takes its instants as arguments (a store's counts, for example).
/// Moving the process clock cannot change what such a test does, so the pass of <c>test.sh</c> with the clock
/// 400 days ahead leaves it out (<c>--filter Clock!=free</c>); it runs in the pass today. Only for slow tests,
/// where the second run costs CI minutes and proves nothing; a test that reads a clock must never carry it.
/// </summary>
public static class ClockFree
{
    public const string Trait = "Clock";

    public const string Value = "free";
}
