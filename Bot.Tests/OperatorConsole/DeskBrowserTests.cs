using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.OperatorConsole;

/// <summary>
/// The agent desk in Chromium against the real host, with an Emulator customer on the fake channel: the
/// customer asks for a person, the hand-off is in the queue, the agent claims it and sees the customer's
/// next message arrive without a reload, replies (the channel receives it), closes (the customer hears the
/// bot is back) and the bot answers the customer's next message; axe finds nothing serious on the desk's
/// pages. Screenshots are left in bin/.../console-png.
/// </summary>
public sealed class DeskBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task A_customer_asks_for_a_person_and_an_agent_claims_follows_replies_and_closes()
    {
        var customer = new EmulatorClient(fixture.Host, fixture.Channel);
        (await customer.OpenAsync()).EnsureSuccessStatusCode();
        await customer.SayAndReadAsync("where is my order 10045?");
        Assert.Contains("colleague", Assert.Single(await customer.SayAndReadAsync("talk to a person")).Text, StringComparison.Ordinal);

        var page = await SignedInPageAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Hand-offs" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hand-offs" }).WaitForAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = customer.UserId });
        Assert.Equal(
            [customer.UserId, "emulator", "en", "nobody yet", "talk to a person"],
            (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()).Where((_, i) => i != 3));
        await AssertAccessibleAsync(page, "queue");
        await ShootAsync(page, "desk-queue");

        await row.GetByRole(AriaRole.Link, new() { Name = customer.UserId }).ClickAsync();
        var reply = page.GetByLabel("Reply to the customer");
        Assert.True(await reply.IsDisabledAsync());
        Assert.Equal("Claim the conversation to reply.", await page.Locator("#reply-why").InnerTextAsync());
        Assert.True(await page.Locator("#transcript li").Filter(new() { HasText = "where is my order 10045?" }).IsVisibleAsync());
        await page.GetByLabel("Your name").FillAsync("Ben");
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        Assert.Equal("You (Ben) have this conversation now.", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());
        Assert.True(await reply.IsEnabledAsync());

        // The customer writes while the page is open: the line arrives without a reload.
        await page.EvaluateAsync("window.deskTestMarker = 'not reloaded'");
        Assert.Empty(await customer.SayAndReadAsync("My parcel is late, can you help?"));
        await page.Locator("#transcript li").Filter(new() { HasText = "My parcel is late, can you help?" }).WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal("not reloaded", await page.EvaluateAsync<string>("window.deskTestMarker"));
        await AssertAccessibleAsync(page, "conversation");

        await reply.FillAsync("Sorry to hear that, I'm checking with the carrier.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        Assert.Equal("Sent.", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());
        Assert.Equal(["Sorry to hear that, I'm checking with the carrier."], customer.NewReplies().Select(a => a.Text));
        Assert.True(await page.Locator("#transcript li.line-agent").Filter(new() { HasText = "Ben" }).IsVisibleAsync());
        await ShootAsync(page, "desk-conversation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close: back to the bot" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hand-offs" }).WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Row).Filter(new() { HasText = customer.UserId }).CountAsync());
        Assert.Equal(["I'm back to help."], customer.NewReplies().Select(a => a.Text));
        Assert.NotEmpty(await customer.SayAndReadAsync("opening hours"));
        Assert.Empty(fixture.Refused);
    }

    [Fact]
    public async Task The_queue_shows_a_new_hand_off_without_a_reload_and_says_so_to_a_screen_reader()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Url("/console/handoffs"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hand-offs" }).WaitForAsync();
        await page.EvaluateAsync("window.deskTestMarker = 'not reloaded'");

        var customer = new EmulatorClient(fixture.Host, fixture.Channel);
        (await customer.OpenAsync()).EnsureSuccessStatusCode();
        Assert.Contains("colleague", (await customer.SayAndReadAsync("talk to a person"))[^1].Text, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = customer.UserId }).WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("not reloaded", await page.EvaluateAsync<string>("window.deskTestMarker"));
        Assert.StartsWith("The queue changed: ", await page.Locator("#queue-status").TextContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "queue after a refresh");
    }

    [Fact]
    public async Task A_closed_hand_off_is_among_the_past_conversations_with_its_transcript()
    {
        var customer = new EmulatorClient(fixture.Host, fixture.Channel);
        (await customer.OpenAsync()).EnsureSuccessStatusCode();
        await customer.SayAndReadAsync("where is my order 10045?");
        await customer.SayAndReadAsync("talk to a person");
        var desk = fixture.Host.Services.GetRequiredService<ConversationBot.Bot.Desk.HandoffDesk>();
        Assert.Equal(ConversationBot.Bot.Desk.DeskOutcomeKind.Done, (await desk.ClaimAsync("emulator", customer.ConversationId, "Dora", CancellationToken.None)).Kind);
        Assert.Equal(ConversationBot.Bot.Desk.DeskOutcomeKind.Done, (await desk.CloseAsync("emulator", customer.ConversationId, "Dora", CancellationToken.None)).Kind);

        var page = await SignedInPageAsync();
        await page.GotoAsync(Url("/console/handoffs"));
        await page.GetByRole(AriaRole.Link, new() { Name = "past conversations" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Past conversations" }).WaitForAsync();
        await AssertAccessibleAsync(page, "past conversations");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = customer.UserId }).GetByRole(AriaRole.Link, new() { Name = customer.UserId }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Past conversation", Exact = true }).WaitForAsync();
        var lines = (await page.Locator("#transcript li .text").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Contains("where is my order 10045?", lines);
        Assert.Equal("I'm back to help.", lines[^1]);
        await AssertAccessibleAsync(page, "past conversation");
    }

    [Fact]
    public async Task An_empty_queue_says_so_and_a_closed_hand_off_says_where_it_went()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(Url("/console/handoffs/conversation?channel=emulator&conversation=nobody"));

        Assert.Contains("no open hand-off", await page.GetByRole(AriaRole.Main).InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "closed hand-off");
    }

    private Task<IPage> SignedInPageAsync() => fixture.SignedInPageAsync();

    private static Task AssertAccessibleAsync(IPage page, string what) => ConsoleFixture.AssertAccessibleAsync(page, what);

    private string Url(string path) => fixture.Url(path);

    private Task ShootAsync(IPage page, string name) => fixture.ShootAsync(page, name);
}
