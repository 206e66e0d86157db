using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// Campaigns in the customer's language, to the segment meant, previewed first (issue 18), over real
/// HTTP: a German Messenger Page (Messenger:Locale de-DE) and Emulator customers in English, German and
/// French on one topic; the Send API is the fake Graph API, the Bot Framework channel the fake channel.
/// </summary>
public sealed class LocalizedCampaignTests : EmulatorTest
{
    private const string Token = "8183222379117308817";

    private static readonly object TwoLanguages = new
    {
        topic = "weekly-deals",
        defaultLanguage = "en",
        content = new Dictionary<string, object>
        {
            ["en"] = new { text = "This week: 20% off rain jackets", buttons = new[] { new { title = "Show me", payload = "offers" } } },
            ["de"] = new { text = "Diese Woche: 20 % auf Regenjacken", buttons = new[] { new { title = "Zeig mal", payload = "offers" } } },
        },
    };

    [Fact]
    public async Task Each_subscriber_gets_the_campaign_in_their_language_and_a_french_locale_gets_the_default()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-DE", settings: AdminClient.Settings());
        var (english, german, french) = await OptInAsync(bot);
        var admin = new AdminClient(bot.Host);

        Assert.Equal("de", (await admin.SubscriptionsAsync("messenger", MessengerBot.Psid))[0]!["language"]!.GetValue<string>());
        Assert.Equal("Europe/Zurich", (await admin.SubscriptionsAsync("messenger", MessengerBot.Psid))[0]!["timeZone"]!.GetValue<string>());
        Assert.Equal(["en", "de", "en"], await Task.WhenAll(new[] { english, german, french }.Select(async c => (await admin.SubscriptionsAsync("emulator", c.UserId))[0]!["language"]!.GetValue<string>())));

        var campaign = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(TwoLanguages));

        var sent = Assert.Single(bot.Graph.ToToken(Token));
        Assert.Equal("Diese Woche: 20 % auf Regenjacken", sent.Body["message"]!["text"]!.GetValue<string>());
        Assert.Equal("Zeig mal", sent.Body["message"]!["quick_replies"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("This week: 20% off rain jackets", Assert.Single(english.NewReplies()).Text);
        var toGerman = Assert.Single(german.NewReplies());
        Assert.Equal(("Diese Woche: 20 % auf Regenjacken", "Zeig mal"), (toGerman.Text, toGerman.SuggestedActions.Actions[0].Title));
        Assert.Equal("This week: 20% off rain jackets", Assert.Single(french.NewReplies()).Text);
        Assert.Equal((4, 0, 0), (AdminClient.Progress(campaign, "sent"), AdminClient.Progress(campaign, "skipped"), AdminClient.Progress(campaign, "failed")));
    }

    [Fact]
    public async Task The_preview_counts_what_the_campaign_then_does_and_shows_the_message_each_channel_gets_per_language()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-DE", settings: AdminClient.Settings());
        var (english, german, _) = await OptInAsync(bot);
        var admin = new AdminClient(bot.Host);

        var (status, preview) = await admin.PreviewAsync(TwoLanguages);
        Assert.Equal(200, status);
        Assert.Equal((4, 4, 0), (Long(preview, "audience"), Long(preview, "eligibleNow"), Long(preview, "notEligibleNow")));
        Assert.Equal((2, 2), (Long(preview["audienceByLanguage"]!, "de"), Long(preview["audienceByLanguage"]!, "en")));
        var messages = preview["messages"]!.AsArray();
        var de = messages.Single(m => m!["language"]!.GetValue<string>() == "de")!;
        Assert.Equal("Diese Woche: 20 % auf Regenjacken", de["messenger"]!["message"]!["text"]!.GetValue<string>());
        Assert.NotNull(de["messenger"]!["recipient"]!["notification_messages_token"]);
        Assert.Equal("Diese Woche: 20 % auf Regenjacken", de["botFramework"]!["text"]!.GetValue<string>());
        Assert.Equal("offers", de["botFramework"]!["suggestedActions"]!["actions"]![0]!["value"]!.GetValue<string>());
        Assert.Empty(bot.Graph.ToToken(Token));
        Assert.Empty(english.NewReplies());

        var first = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(TwoLanguages));
        Assert.Equal(Long(preview, "eligibleNow"), AdminClient.Progress(first, "sent"));

        // Two days on, the weekly promise holds everyone back: the preview says so, and the campaign skips the same, for the same reason.
        bot.Clock.Advance(TimeSpan.FromDays(2));
        var (_, again) = await admin.PreviewAsync(TwoLanguages);
        var second = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(TwoLanguages));
        var skipped = (await CampaignChecks.AllDeliveriesAsync(bot.Host, second["id"]!.GetValue<string>()))
            .Where(r => r.State == DeliveryState.Skipped).GroupBy(r => r.Reason!).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal((0, 4), (Long(again, "eligibleNow"), Long(again, "notEligibleNow")));
        Assert.Equal(AdminClient.Progress(second, "sent"), Long(again, "eligibleNow"));
        Assert.Equal(
            skipped.OrderBy(r => r.Key, StringComparer.Ordinal).ToList(),
            again["notEligibleByReason"]!.AsArray().Select(r => new KeyValuePair<string, long>(r!["reason"]!.GetValue<string>(), Long(r, "count"))).ToList());
        Assert.NotNull(again["earliestNextEligibleAt"]);

        // A week later, to German speakers only: the segment is the audience, and only they get it.
        bot.Clock.Advance(TimeSpan.FromDays(7));
        var toGerman = new { topic = "weekly-deals", segment = new { languages = new[] { "de" } }, content = new Dictionary<string, object> { ["de"] = new { text = "Nur für euch" } }, defaultLanguage = "de" };
        var (_, segmentPreview) = await admin.PreviewAsync(toGerman);
        english.NewReplies();
        german.NewReplies();
        var third = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(toGerman));
        Assert.Equal((2, 2), (Long(segmentPreview, "audience"), Long(segmentPreview, "eligibleNow")));
        Assert.Equal((2, 0), (AdminClient.Progress(third, "sent"), AdminClient.Progress(third, "skipped")));
        Assert.Equal("Nur für euch", Assert.Single(german.NewReplies()).Text);
        Assert.Empty(english.NewReplies());
    }

    [Theory]
    [InlineData("fr", "content.fr")]
    [InlineData("de-long", "content.de.buttons[1].title")]
    [InlineData("no-default", "defaultLanguage")]
    [InlineData("segment", "segment.languages[0]")]
    public async Task A_campaign_that_breaks_a_language_rule_is_refused_naming_the_field_and_nothing_is_created(string problem, string field)
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        var admin = new AdminClient(bot.Host);
        var english = new { text = "Deals" };
        object request = problem switch
        {
            "fr" => new { topic = "weekly-deals", content = new Dictionary<string, object> { ["en"] = english, ["fr"] = new { text = "Promos" } } },
            "de-long" => new
            {
                topic = "weekly-deals",
                content = new Dictionary<string, object>
                {
                    ["en"] = english,
                    ["de"] = new { text = "Angebote", buttons = new[] { new { title = "Ja", payload = "offers" }, new { title = "Alle Angebote dieser Woche anzeigen", payload = "offers" } } },
                },
            },
            "no-default" => new { topic = "weekly-deals", defaultLanguage = "de", content = new Dictionary<string, object> { ["en"] = english } },
            _ => new { topic = "weekly-deals", text = "Deals", segment = new { languages = new[] { "fr" } } },
        };

        var (created, createdBody) = await admin.TryCreateCampaignAsync(request);
        var (previewed, previewBody) = await admin.PreviewAsync(request);

        Assert.Equal((400, 400), (created, previewed));
        Assert.NotNull(createdBody["errors"]![field]);
        Assert.NotNull(previewBody["errors"]![field]);
        var (_, list) = await admin.SendAsync(HttpMethod.Get, "/api/admin/campaigns");
        Assert.Empty(list!["campaigns"]!.AsArray());
    }

    /// <summary>The German Page's Messenger subscriber (the sample opt-in) and three Emulator customers who allow weekly deals in English, German and French.</summary>
    private async Task<(EmulatorClient English, EmulatorClient German, EmulatorClient French)> OptInAsync(MessengerBot bot)
    {
        using (var optIn = await bot.PostSampleAsync("optin-notification-messages.json"))
        {
            optIn.EnsureSuccessStatusCode();
        }

        await bot.TurnsSettledAsync();
        var customers = new[] { new EmulatorClient(bot.Host, Channel, "en-US"), new EmulatorClient(bot.Host, Channel, "de-DE"), new EmulatorClient(bot.Host, Channel, "fr-FR") };
        foreach (var customer in customers)
        {
            await customer.SayAndReadAsync("hello");
            using (var allowed = await customer.SubmitAsync(new { optIn = "allow", topic = "weekly-deals" }))
            {
                allowed.EnsureSuccessStatusCode();
            }

            customer.NewReplies();
        }

        return (customers[0], customers[1], customers[2]);
    }

    private static long Long(JsonNode node, string name) => node[name]!.GetValue<long>();
}
