using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Desk;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// A hand-off nobody claims (Bot/Desk/UnansweredHandoffNotices.cs) on the real host over HTTP with an
/// Emulator customer, the shipped opening hours (Zurich) and a fake clock: after Handoff:UnansweredAfter
/// (five minutes) the customer is told once, in their language, that a person will answer and roughly
/// when, by the host's own timer; not again by a second look or by a restarted host on the same
/// database; not at all when an agent claimed it in time. The notice is in the desk's transcript.
/// </summary>
public sealed class UnansweredHandoffNoticeTests : EmulatorTest
{
    // Wednesday 2027-01-13, 10:00 in Zurich: the shop is open until 18:00.
    private static readonly DateTimeOffset WednesdayMorning = new(2027, 1, 13, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task After_five_minutes_unclaimed_the_customer_is_told_once_that_a_person_will_answer_today_before_closing()
    {
        var clock = new TimerAwareClock(WednesdayMorning);
        var bot = Start(clock);
        var customer = new EmulatorClient(bot, Channel);
        Assert.StartsWith("I've asked a colleague", Assert.Single(await customer.SayAndReadAsync("talk to a person")).Text, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await bot.Services.GetRequiredService<UnansweredHandoffNotices>().NotifyAsync(CancellationToken.None));
        Assert.Empty(customer.NewReplies());

        clock.Advance(TimeSpan.FromSeconds(1));
        var notice = await NextRepliesAsync(customer, clock);
        Assert.Equal(["Thanks for waiting. Everyone is busy at the moment; a colleague will answer you here as soon as they can, today before 18:00."], notice.Select(a => a.Text));

        // Another look, then a restarted host on the same database: nobody tells the customer again.
        Assert.Equal(0, await bot.Services.GetRequiredService<UnansweredHandoffNotices>().NotifyAsync(CancellationToken.None));
        await bot.DisposeAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        await using var restarted = Start(clock);
        customer.SwitchTo(restarted);
        Assert.Equal(0, await restarted.Services.GetRequiredService<UnansweredHandoffNotices>().NotifyAsync(CancellationToken.None));
        Assert.Empty(customer.NewReplies());

        using var desk = Desk(restarted);
        var transcript = (await desk.GetFromJsonAsync<JsonObject>($"/api/admin/handoffs/emulator/{Uri.EscapeDataString(customer.ConversationId)}/transcript"))!;
        var botLines = transcript["lines"]!.AsArray().Where(l => l!["author"]!.GetValue<string>() == "Bot" && !l["beforeHandoff"]!.GetValue<bool>()).Select(l => l!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(notice.Single().Text, botLines);
    }

    [Fact]
    public async Task A_German_customer_waiting_past_closing_time_is_told_when_the_shop_opens_and_how_else_to_reach_it()
    {
        // 17:57 in Zurich: open at the hand-off, closed five minutes later.
        var clock = new TimerAwareClock(new DateTimeOffset(2027, 1, 13, 16, 57, 0, TimeSpan.Zero));
        await using var bot = Start(clock);
        var customer = new EmulatorClient(bot, Channel, locale: "de-DE");
        Assert.Single(await customer.SayAndReadAsync("Persönliche Hilfe"));

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(
            ["Danke fürs Warten. Wir haben jetzt geschlossen; eine Kollegin oder ein Kollege antwortet dir hier morgen ab 08:00 Uhr. Wenn es nicht warten kann, ruf uns unter +41 44 555 01 23 an oder schreib an service@shop.example.com."],
            (await NextRepliesAsync(customer, clock)).Select(a => a.Text));
    }

    [Fact]
    public async Task A_hand_off_claimed_in_time_brings_no_notice()
    {
        var clock = new TimerAwareClock(WednesdayMorning);
        await using var bot = Start(clock);
        var customer = new EmulatorClient(bot, Channel);
        await customer.SayAndReadAsync("talk to a person");
        using var desk = Desk(bot);
        using (var claim = await desk.PostAsJsonAsync($"/api/admin/handoffs/emulator/{Uri.EscapeDataString(customer.ConversationId)}/claim", new { agent = "Ben" }))
        {
            Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(0, await bot.Services.GetRequiredService<UnansweredHandoffNotices>().NotifyAsync(CancellationToken.None));
        Assert.Empty(customer.NewReplies());
    }

    private BotHost Start(TimerAwareClock clock) =>
        BotHost.Start(Database.FilePath, AdminClient.Settings(new Dictionary<string, string?>(ShopHours.AsShipped)), services => services.AddSingleton<TimeProvider>(clock));

    /// <summary>Moves the fake clock to the host's next timer (within the notices' interval) until the customer has new replies: the notice comes from the host's own timer.</summary>
    private static async Task<IReadOnlyList<Activity>> NextRepliesAsync(EmulatorClient customer, TimerAwareClock clock)
    {
        var received = new List<Activity>();
        await Polling.UntilAsync(
            () =>
            {
                received.AddRange(customer.NewReplies());
                return Task.FromResult(received.Count);
            },
            count => count > 0,
            TimeSpan.FromSeconds(20),
            _ => "the customer was not told",
            betweenPolls: () => clock.AdvanceToNextTimer(within: UnansweredHandoffNotices.Interval));
        return received;
    }

    private static HttpClient Desk(BotHost bot)
    {
        var desk = new HttpClient { BaseAddress = bot.BaseAddress };
        desk.DefaultRequestHeaders.Add("X-Api-Key", AdminClient.Key);
        return desk;
    }
}
