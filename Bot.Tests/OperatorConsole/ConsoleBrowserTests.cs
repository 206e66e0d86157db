using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Consent;
using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Globalization;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Delivery.Schedules;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.OperatorConsole;

/// <summary>
/// The operator console (/console) in Chromium against the real host: signing in with the admin key
/// (by keyboard alone), what the overview shows, signing out, and no serious or critical accessibility
/// finding on any page (axe). Screenshots of each page are left in bin/.../console-png.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task An_operator_signs_in_with_the_key_by_keyboard_alone_and_sees_topics_funnel_and_campaigns()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/console"));
        Assert.EndsWith("/console/sign-in?ReturnUrl=%2Fconsole", page.Url, StringComparison.Ordinal);
        await ShootAsync(page, "sign-in");

        // Tab past the skip link to the key, type it, Enter.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("key", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(ConsoleFixture.ApiKey);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }).WaitForAsync();

        var weeklyDeals = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Weekly deals from our shop" });
        Assert.Equal("5", await weeklyDeals.Locator("td.number").First.InnerTextAsync());
        var poster = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "topic_weekly-deals" });
        Assert.Equal(["topic_weekly-deals", "poster", "1", "1", "1", "1", "0", "100%"], (await poster.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "Funnel by source" }).IsVisibleAsync());
        // The shipped order-updates topic promises daily messages; the Current profile allows one per token per 48 hours.
        Assert.Contains("Topics:order-updates promises Daily messages", await page.GetByRole(AriaRole.Note, new() { Name = "Warnings" }).InnerTextAsync(), StringComparison.Ordinal);
        await ShootAsync(page, "overview");
        Assert.Empty(fixture.Refused);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_on_the_page_and_signing_out_ends_the_session()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/console/sign-in"));
        await page.GetByLabel("Admin API key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("That is not the admin API key.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await ShootAsync(page, "sign-in-refused");

        await page.GetByLabel("Admin API key").FillAsync(ConsoleFixture.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/console/sign-in");
        var again = await page.GotoAsync(Url("/console"));
        Assert.EndsWith("/console/sign-in?ReturnUrl=%2Fconsole", again!.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_shows_its_progress_live_until_every_subscriber_got_one_message()
    {
        var page = await SignedInPageAsync();
        var campaign = await CreateCampaignAsync("Console test: rain jackets 20% off", sendAt: null);

        await page.GotoAsync(Url($"/console/campaigns/{campaign}"));
        await page.Locator("[data-field=status]").Filter(new() { HasText = "Completed" }).WaitForAsync(new() { Timeout = 30_000 });

        Assert.Equal(ConsoleFixture.MessengerSubscribers.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-field=sent]").InnerTextAsync());
        Assert.Equal(await page.Locator("[data-field=total]").InnerTextAsync(), await page.Locator("[data-field=done]").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this campaign" }).CountAsync());
        var received = fixture.Graph.Messages.Where(m => m["text"]?.GetValue<string>() == "Console test: rain jackets 20% off").ToList();
        Assert.Equal(ConsoleFixture.MessengerSubscribers, received.Count);

        // The report per product is drawn with the page: after the run it names the product that carried them (free: no spend).
        await page.ReloadAsync();
        var line = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Recurring Notifications" }) });
        Assert.Equal(
            ["Recurring Notifications", ConsoleFixture.MessengerSubscribers.ToString(CultureInfo.InvariantCulture), "–", "–", "–", "0", "0", "–", "–"],
            await line.Locator("th, td").AllInnerTextsAsync());
        await ConsoleFixture.AssertAccessibleAsync(page, "campaign with its report per product");
        await ShootAsync(page, "campaign");

        await page.GetByRole(AriaRole.Link, new() { Name = "Who got it, who did not, and why" }).ClickAsync();
        await page.GetByLabel("Outcome").SelectOptionAsync("Sent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        Assert.Equal(ConsoleFixture.MessengerSubscribers + 1, await page.GetByRole(AriaRole.Row).CountAsync());
        await ShootAsync(page, "deliveries");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(ConsoleFixture.MessengerSubscribers + 1, csv.Length);
        Assert.All(csv.Skip(1), line => Assert.Contains(",messenger,psid-", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_composer_previews_a_two_language_campaign_refuses_a_broken_one_and_sends_it()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Url("/console/campaigns"));
        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).ClickAsync();
        await page.GetByLabel("Topic").SelectOptionAsync("order-updates");
        await page.GetByLabel("Message in en").FillAsync("Composer test: your parcel tracker got faster");
        await page.GetByLabel("Message in de").FillAsync("Composer-Test: die Sendungsverfolgung ist schneller");
        await page.GetByLabel("Image (https, optional)").FillAsync("http://shop.example.com/parcel.png");
        await page.GetByLabel("Button 1 title").FillAsync("Track it");
        await page.GetByLabel("Button 1 payload").FillAsync("order status");
        await page.GetByLabel("Button 2 title").FillAsync("Call us");
        await page.GetByLabel("Button 2 payload").FillAsync("contact");

        // Messenger shows only https images: refused for each language, by the admin API's rules and field names.
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var problems = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("content.en.imageUrl", problems, StringComparison.Ordinal);
        Assert.Contains("content.de.imageUrl", problems, StringComparison.Ordinal);

        await page.GetByLabel("Image (https, optional)").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        Assert.Equal("Audience 2: 2 may get it now, 0 not now.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Composer-Test: die Sendungsverfolgung ist schneller", await page.GetByLabel("Messenger body for de").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("<notification_messages_token>", await page.GetByLabel("Messenger body for en").TextContentAsync(), StringComparison.Ordinal);
        var messenger = page.GetByRole(AriaRole.Figure, new() { Name = "In Messenger, de" });
        Assert.Equal("Composer-Test: die Sendungsverfolgung ist schneller", await messenger.Locator(".bubble").InnerTextAsync());
        Assert.Equal(["Track it", "Call us"], await messenger.GetByRole(AriaRole.Listitem).AllInnerTextsAsync());

        // The Bot Framework rendering is drawn by Microsoft's Adaptive Cards renderer, shipped with the console.
        var card = page.GetByRole(AriaRole.Figure, new() { Name = "In Web Chat and Teams, en" });
        await card.Locator("[data-rendered=true] .ac-adaptiveCard").WaitForAsync();
        Assert.Contains("Composer test: your parcel tracker got faster", await card.Locator(".ac-textBlock").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Track it", "Call us"], await card.GetByRole(AriaRole.Button).AllInnerTextsAsync());
        await ShootAsync(page, "composer");
        await ConsoleFixture.AssertAccessibleAsync(page, "the composer with its preview");
        Assert.DoesNotContain(fixture.Graph.Messages, m => m["text"]?.GetValue<string>()?.StartsWith("Composer", StringComparison.Ordinal) == true);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.Locator("[data-field=status]").Filter(new() { HasText = "Completed" }).WaitForAsync(new() { Timeout = 30_000 });
        // Messenger subscribers without a language of their own get the default (Bot:FallbackLanguage, English).
        Assert.Equal(2, fixture.Graph.Messages.Count(m => m["text"]?.GetValue<string>() == "Composer test: your parcel tracker got faster"));
    }

    [Fact]
    public async Task The_composers_preview_follows_the_operators_typing_without_a_click()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Url("/console/campaigns/new"));
        await page.GetByLabel("Topic").SelectOptionAsync("order-updates");
        await page.GetByLabel("Message in de").FillAsync("Live: erste Worte");
        await page.GetByLabel("Message in en").FillAsync("Live: first words");

        var english = page.GetByRole(AriaRole.Figure, new() { Name = "In Messenger, en" });
        await english.Filter(new() { HasText = "Live: first words" }).WaitForAsync();
        await page.GetByLabel("Message in en").FillAsync("Live: second words");
        await english.Filter(new() { HasText = "Live: second words" }).WaitForAsync();

        var card = page.GetByRole(AriaRole.Figure, new() { Name = "In Web Chat and Teams, en" });
        await card.Locator("[data-rendered=true] .ac-adaptiveCard").WaitForAsync();
        Assert.Equal("Live: second words", await card.Locator(".ac-textBlock").InnerTextAsync());
        Assert.DoesNotContain(fixture.Graph.Messages, m => m["text"]?.GetValue<string>()?.StartsWith("Live:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_running_campaign_is_cancelled_from_its_page_and_not_everyone_gets_it()
    {
        var page = await SignedInPageAsync();

        // Pages of two, one send at a time (ConsoleFixture): the second send is held at the fake Graph API, so the campaign is running.
        fixture.Graph.HoldFrom(fixture.Graph.Requests.Count + 2);
        var campaign = await CreateCampaignAsync("Console test: stop this one", sendAt: null, topic: "flash-sales");
        await EndToEnd.Support.CampaignChecks.WaitUntilAsync(() => fixture.Graph.Held > 0);
        await page.GotoAsync(Url($"/console/campaigns/{campaign}"));
        Assert.Equal("Running", await page.Locator("[data-field=status]").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this campaign" }).ClickAsync();
        fixture.Graph.ReleaseHeld();

        await page.Locator("[data-field=status]").Filter(new() { HasText = "Cancelled" }).WaitForAsync(new() { Timeout = 30_000 });
        var received = fixture.Graph.Messages.Count(m => m["text"]?.GetValue<string>() == "Console test: stop this one");
        Assert.InRange(received, 2, ConsoleFixture.FlashSubscribers - 1);
    }

    [Fact]
    public async Task A_scheduled_campaign_is_cancelled_from_its_page()
    {
        var page = await SignedInPageAsync();
        var campaign = await CreateCampaignAsync("Console test: next week", sendAt: fixture.Host.Now().AddDays(1));

        await page.GotoAsync(Url($"/console/campaigns/{campaign}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this campaign" }).ClickAsync();

        await page.Locator("[data-field=status]").Filter(new() { HasText = "Cancelled" }).WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this campaign" }).CountAsync());
        Assert.DoesNotContain(fixture.Graph.Messages, m => m["text"]?.GetValue<string>() == "Console test: next week");
    }

    [Fact]
    public async Task An_operator_finds_a_customer_and_stops_their_subscription()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Url("/console/customers"));
        await page.GetByLabel("Channel").FillAsync("webchat");
        await page.GetByLabel("Customer id").FillAsync("walk-in-customer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "monthly-newsletter" });
        Assert.StartsWith("Active", await row.Locator("td").First.InnerTextAsync(), StringComparison.Ordinal);
        await ShootAsync(page, "customer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop monthly-newsletter for this customer" }).ClickAsync();

        Assert.Equal("Stopped monthly-newsletter.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.StartsWith("Stopped", await row.Locator("td").First.InnerTextAsync(), StringComparison.Ordinal);
        var stored = await fixture.Host.Services.GetRequiredService<ISubscriptionStore>().ListByCustomerAsync("webchat", "walk-in-customer", CancellationToken.None);
        Assert.Equal(SubscriptionStatus.Stopped, Assert.Single(stored).Status);
        var history = page.GetByRole(AriaRole.Table, new() { Name = "What happened to monthly-newsletter (UTC, oldest first)" });
        Assert.Equal(["OptedIn", "Stopped"], await history.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync());
        Assert.Equal("an operator stopped it on the customer's behalf", await history.Locator("tbody tr").Nth(1).Locator("td").Nth(2).InnerTextAsync());
    }

    [Fact]
    public async Task An_operator_erases_a_customer_after_typing_their_id_and_every_store_is_empty_of_them()
    {
        var services = fixture.Host.Services;
        await services.GetRequiredService<ConsentService>().AllowFromCardAsync(
            "webchat", "leaving-customer", "monthly-newsletter", "{\"conversation\":{\"id\":\"c-leaving\"}}", null, fixture.Host.Now(), CancellationToken.None);
        var page = await SignedInPageAsync();
        await page.GotoAsync(Url("/console/customers?channel=webchat&customer=leaving-customer"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Data held, and erasing this customer…" }).ClickAsync();
        var held = page.GetByRole(AriaRole.Table, new() { Name = "What the stores hold of leaving-customer now" });
        Assert.Equal("1", await held.GetByRole(AriaRole.Row).Filter(new() { HasText = "subscriptions" }).Locator("td").InnerTextAsync());
        await ShootAsync(page, "customer-erase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase this customer" }).ClickAsync(); // the browser refuses: the id is required
        await page.GetByLabel("Type the customer id to confirm").FillAsync("someone-else");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase this customer" }).ClickAsync();
        Assert.Contains("nothing was erased", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Single(await services.GetRequiredService<ISubscriptionStore>().ListByCustomerAsync("webchat", "leaving-customer", CancellationToken.None));

        await page.GetByLabel("Type the customer id to confirm").FillAsync("leaving-customer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase this customer" }).ClickAsync();

        Assert.StartsWith("Erased leaving-customer on webchat:", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await services.GetRequiredService<CustomerErasure>().CountAsync(new CustomerKey("webchat", "leaving-customer"), CancellationToken.None)).Total);
        Assert.Equal("No subscriptions for leaving-customer on webchat.", await page.GetByText("No subscriptions for").InnerTextAsync());
    }

    [Fact]
    public async Task A_schedules_next_firings_are_shown_in_the_operators_zone_and_in_UTC()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Url("/console/schedules?zone=America/New_York"));

        var schedule = fixture.Host.Services.GetRequiredService<CampaignScheduleCatalog>().All.Single(s => s.Id == "monday-deals");
        var next = schedule.NextOccurrence(fixture.Host.Now())!.Value;
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var firstRow = page.GetByRole(AriaRole.Table, new() { Name = "The next 5 firings of monday-deals" }).GetByRole(AriaRole.Row).Nth(1);
        Assert.Equal(
            [TimeZoneInfo.ConvertTime(next, newYork).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), next.UtcDateTime.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
            await firstRow.Locator("td").AllInnerTextsAsync());
        Assert.Equal(6, await page.GetByRole(AriaRole.Table, new() { Name = "The next 5 firings of monday-deals" }).GetByRole(AriaRole.Row).CountAsync());
        await ShootAsync(page, "schedules");

        await page.GotoAsync(Url("/console/schedules?zone=Mars/Olympus"));
        Assert.Contains("'Mars/Olympus' is no time zone", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/console/schedules?zone=Europe/Zurich", true)]
    [InlineData("/console/campaigns/new", true)]
    [InlineData("/console/sign-in", false)]
    [InlineData("/console", true)]
    [InlineData("/console/campaigns", true)]
    [InlineData("/console/customers?channel=webchat&customer=poster-customer", true)]
    [InlineData("/console/customers/erase?channel=webchat&customer=poster-customer", true)]
    public async Task Every_page_has_no_serious_or_critical_accessibility_finding(string path, bool signedIn)
    {
        var page = signedIn ? await SignedInPageAsync() : await fixture.NewPageAsync();

        await page.GotoAsync(Url(path));

        await ConsoleFixture.AssertAccessibleAsync(page, path);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = ConsoleFixture.ApiKey });

        using var response = await client.PostAsync(new Uri("/console/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("conversationbot-console=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_campaign_page_and_its_deliveries_have_no_serious_or_critical_accessibility_finding()
    {
        var page = await SignedInPageAsync();
        var campaign = await CreateCampaignAsync("Console test: accessibility", sendAt: fixture.Host.Now().AddDays(2));

        foreach (var path in new[] { $"/console/campaigns/{campaign}", $"/console/campaigns/{campaign}/deliveries" })
        {
            await page.GotoAsync(Url(path));
            await ConsoleFixture.AssertAccessibleAsync(page, path);
        }
    }

    private Task<IPage> SignedInPageAsync() => fixture.SignedInPageAsync();

    /// <summary>A campaign (of the weekly deals unless said) created as the admin API creates it; its id.</summary>
    private async Task<string> CreateCampaignAsync(string text, DateTimeOffset? sendAt, string topic = "weekly-deals")
    {
        var created = await fixture.Host.Services.GetRequiredService<CampaignService>().CreateAsync(
            topic, new CampaignContent(text, null, [new CampaignButton("Show me", "offers")]), sendAt, null, CancellationToken.None);
        fixture.Host.Services.GetRequiredService<DeliverySignal>().Wake();
        return created.Campaign!.Id;
    }

    private string Url(string path) => fixture.Url(path);

    private Task ShootAsync(IPage page, string name) => fixture.ShootAsync(page, name);
}
