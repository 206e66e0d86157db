using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

/// <summary>
/// Asking for a person outside the shop's opening hours (the shipped ones: weekdays 08:00–18:00, Saturday
/// 09:00–16:00, Sunday closed, Europe/Zurich; Bot.Tests/Support/ShopHours.cs): the bot says so, when a
/// person will answer and how else to reach the shop, in the customer's language, and records that it
/// told them; inside the hours it only confirms. On the harness's fake clock.
/// </summary>
public sealed class HandoffOpeningHoursTests
{
    [Theory]
    [InlineData("en-US", "talk to a person", "2026-11-28T17:00:00Z", "We're closed right now, so a colleague will answer you here on Monday from 08:00. If it can't wait, call us on +41 44 555 01 23 or write to service@shop.example.com.")]
    [InlineData("de-DE", "Persönliche Hilfe", "2026-11-28T17:00:00Z", "Wir haben gerade geschlossen; eine Kollegin oder ein Kollege antwortet dir hier am Montag ab 08:00 Uhr. Wenn es nicht warten kann, ruf uns unter +41 44 555 01 23 an oder schreib an service@shop.example.com.")]
    [InlineData("en-US", "talk to a person", "2026-11-27T18:30:00Z", "We're closed right now, so a colleague will answer you here tomorrow from 09:00. If it can't wait, call us on +41 44 555 01 23 or write to service@shop.example.com.")]
    [InlineData("en-US", "talk to a person", "2026-11-26T05:00:00Z", "We're closed right now, so a colleague will answer you here today from 08:00. If it can't wait, call us on +41 44 555 01 23 or write to service@shop.example.com.")]
    public async Task Outside_opening_hours_the_bot_says_when_a_person_will_answer_and_how_else_to_reach_the_shop(string locale, string ask, string instant, string closed)
    {
        await using var harness = ConversationHarness.Create(settings: new Dictionary<string, string?>(ShopHours.AsShipped));
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        harness.Time.SetUtcNow(now);
        var adapter = harness.NewConversation(locale);

        await harness.Flow(adapter)
            .Send(ask)
            .AssertReply(_ => { })
            .AssertReply(closed)
            .AssertNoReplyToTheTurn()
            .StartTestAsync();

        Assert.Equal(now, Assert.Single(await harness.Handoffs.ListAsync(CancellationToken.None)).WaitNoticeAt);
    }

    [Fact]
    public async Task Inside_opening_hours_the_bot_only_confirms_and_the_customer_is_not_told_yet()
    {
        await using var harness = ConversationHarness.Create(settings: new Dictionary<string, string?>(ShopHours.AsShipped));
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var adapter = harness.NewConversation();

        await harness.Flow(adapter)
            .Send("talk to a person")
            .AssertReply(reply => Assert.StartsWith("I've asked a colleague to take over.", reply.TextOf(), StringComparison.Ordinal))
            .AssertNoReplyToTheTurn()
            .StartTestAsync();

        Assert.Null(Assert.Single(await harness.Handoffs.ListAsync(CancellationToken.None)).WaitNoticeAt);
    }
}
