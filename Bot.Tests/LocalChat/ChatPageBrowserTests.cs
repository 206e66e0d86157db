using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.LocalChat;

/// <summary>
/// The built-in chat page in headless chromium, as a developer uses it: Web Chat renders the
/// welcome card and the menu, the order card and the opt-in card; Allow subscribes, "my
/// notifications" lists the subscription; the language switch starts a German conversation. No
/// console errors, nothing leaves the machine, and axe finds no accessibility violations on the page.
/// Screenshots of each step are left in bin/.../chatpage-png.
/// </summary>
public sealed class ChatPageBrowserTests(ChatPageFixture fixture) : IClassFixture<ChatPageFixture>
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";

    [Fact]
    public async Task The_order_status_and_opt_in_flow_works_in_english()
    {
        var (page, errors) = await OpenAsync("/");

        await Expect(page, "Hello!");
        await Expect(page, "Pick a topic below or just type your question.");
        await SuggestedAction(page, "Hours & contact").WaitForAsync();
        await ShootAsync(page, "en-1-welcome");

        await SayAsync(page, "order 10045");
        await Expect(page, "Order 10045");
        await Expect(page, "Updates on your orders");
        await Expect(page, "One message a day at most.");
        await ShootAsync(page, "en-2-order-and-opt-in");

        await CardButton(page, "Allow").ClickAsync();
        // Web Chat shows straight quotes and apostrophes as typographic ones.
        await Expect(page, "Done! You");
        await Expect(page, "Updates on your orders” from us.");
        await ShootAsync(page, "en-3-allowed");

        await SuggestedAction(page, "My notifications").ClickAsync();
        var notifications = Card(page, "Your notifications");
        await notifications.GetByText("Updates on your orders", new() { Exact = true }).WaitForAsync();
        await notifications.GetByText("Active", new() { Exact = true }).WaitForAsync();
        await notifications.GetByText("now", new() { Exact = true }).WaitForAsync();
        await ShootAsync(page, "en-4-my-notifications");

        Assert.Empty(errors);
        Assert.Empty(fixture.Refused);
    }

    [Fact]
    public async Task The_language_switch_starts_a_german_conversation_and_the_flow_works_in_german()
    {
        var (page, errors) = await OpenAsync("/");
        await Expect(page, "Hello!");

        await page.GetByLabel("Language").SelectOptionAsync("de-DE");
        await Expect(page, "Hallo!");
        Assert.EndsWith("/?locale=de-DE", page.Url, StringComparison.Ordinal);
        await Expect(page, "Wähle unten ein Thema oder schreib einfach deine Frage.");
        Assert.Equal("de", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await ShootAsync(page, "de-1-welcome");

        await SayAsync(page, "Bestellung 10045");
        await Expect(page, "Bestellung 10045");
        await Expect(page, "Neuigkeiten zu deinen Bestellungen");
        await Expect(page, "Du kannst jederzeit abbestellen: Schreib einfach „stopp“.");
        await ShootAsync(page, "de-2-order-and-opt-in");

        await CardButton(page, "Erlauben").ClickAsync();
        await Expect(page, "Erledigt! Du bekommst");
        await Expect(page, "Neuigkeiten zu deinen Bestellungen” von uns.");
        await ShootAsync(page, "de-3-allowed");

        await SuggestedAction(page, "Benachrichtigungen").ClickAsync();
        var notifications = Card(page, "Deine Benachrichtigungen");
        await notifications.GetByText("Neuigkeiten zu deinen Bestellungen", new() { Exact = true }).WaitForAsync();
        await notifications.GetByText("Aktiv", new() { Exact = true }).WaitForAsync();
        await notifications.GetByText("jetzt", new() { Exact = true }).WaitForAsync();
        await ShootAsync(page, "de-4-my-notifications");

        Assert.Empty(errors);
        Assert.Empty(fixture.Refused);
    }

    [Fact]
    public async Task The_page_with_the_welcome_card_has_no_accessibility_violations()
    {
        var (page, errors) = await OpenAsync("/");
        await Expect(page, "Hello!");
        await SuggestedAction(page, "Order status").WaitForAsync();

        AxeResult result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
        Assert.Empty(errors);
    }

    /// <summary>Opens the page and collects what the console reports as an error, and uncaught exceptions.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string path)
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var response = await page.GotoAsync(new Uri(fixture.Host.BaseAddress, path).ToString());
        Assert.Equal(200, response!.Status);
        return (page, errors);
    }

    private static async Task SayAsync(IPage page, string text)
    {
        await page.Locator(SendBox).FillAsync(text);
        await page.Locator(SendBox).PressAsync("Enter");
    }

    /// <summary>Waits until the text is visible; Web Chat also keeps hidden copies for screen readers.</summary>
    private static Task Expect(IPage page, string text) =>
        page.GetByText(text, new() { Exact = false }).Filter(new() { Visible = true }).Last.WaitForAsync(new() { Timeout = 15_000 });

    /// <summary>A button of the suggested actions under the send box (the menu).</summary>
    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator(".webchat__suggested-actions__button").Filter(new() { HasText = title, Visible = true }).Last;

    /// <summary>The last Adaptive Card that shows the text (not Web Chat's own labels, such as the time "now" / "Jetzt").</summary>
    private static ILocator Card(IPage page, string text) =>
        page.Locator(".ac-adaptiveCard").Filter(new() { HasText = text, Visible = true }).Last;

    /// <summary>A button of the last Adaptive Card that has it.</summary>
    private static ILocator CardButton(IPage page, string title) =>
        page.Locator(".ac-pushButton").Filter(new() { HasText = title, Visible = true }).Last;

    private Task ShootAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
