using System.Net;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Customers;

/// <summary>
/// Erasing a customer through the admin API on the real host, the same on each back end: a customer who
/// chatted, opted in, received a campaign and asked for a person is gone from every store (nothing in the
/// store names their id or their conversation's), the campaign's figures stay, another customer keeps
/// everything, and erasing again erases nothing.
/// </summary>
public abstract class CustomerErasureContractTests : EmulatorTest
{
    private const string Psid = "7300000000000042";

    /// <summary>Starts the real host on this back end (a fresh store per test).</summary>
    protected abstract BotHost StartHost(IDictionary<string, string?> settings);

    /// <summary>Every place (table or container, with the record) in the whole store whose content contains <paramref name="text"/>.</summary>
    protected abstract Task<IReadOnlyList<string>> PlacesNamingAsync(BotHost host, string text);

    [Fact]
    public async Task An_erased_customer_is_in_no_store_and_the_campaign_keeps_its_figures()
    {
        await using var bot = StartHost(AdminClient.Settings());
        var admin = new AdminClient(bot);
        var erased = new EmulatorClient(bot, Channel);
        var kept = new EmulatorClient(bot, Channel);
        foreach (var customer in new[] { erased, kept })
        {
            await customer.SayAndReadAsync("where is my order 10045?");
            using var allowed = await customer.SubmitAsync(new { optIn = "allow", topic = "order-updates" });
            allowed.EnsureSuccessStatusCode();
        }

        var campaign = await admin.WaitUntilFinishedAsync(await admin.CreateCampaignAsync(new { topic = "order-updates", text = "Your order has shipped." }));
        Assert.Equal(2, AdminClient.Progress(campaign, "sent"));
        await erased.SayAndReadAsync("talk to a person");
        await SeedMessengerRecordsAsync(bot);
        await SeedUnfinishedCampaignPageAsync(bot, campaign["id"]!.GetValue<string>(), erased.UserId);

        var before = await HeldAsync(admin, "emulator", erased.UserId);
        var keptBefore = await HeldAsync(admin, "emulator", kept.UserId);
        foreach (var store in new[] { "conversation state", "campaign pages", "hand-offs", "subscriptions", "24-hour window", "opt-in offer history", "delivery records" })
        {
            Assert.True(before[store] > 0, $"before the erasure, {store} holds nothing of the customer: {Describe(before)}");
        }

        var (status, body) = await admin.SendAsync(HttpMethod.Delete, $"/api/admin/customers/emulator/{erased.UserId}");
        var (messengerStatus, messengerBody) = await admin.SendAsync(HttpMethod.Delete, $"/api/admin/customers/messenger/{Psid}");

        Assert.Equal((200, 200), (status, messengerStatus));
        Assert.Equal(before.Values.Sum(), body!["stores"]!.AsArray().Sum(s => s!["records"]!.GetValue<long>()));
        Assert.True(Totals(messengerBody!)["Messenger event log"] == 1 && Totals(messengerBody!)["funnel attributions"] == 1, messengerBody!.ToJsonString());
        Assert.All(await HeldAsync(admin, "emulator", erased.UserId), store => Assert.Equal(0, store.Value));
        Assert.All(await HeldAsync(admin, "messenger", Psid), store => Assert.Equal(0, store.Value));
        Assert.Equal(keptBefore, await HeldAsync(admin, "emulator", kept.UserId));
        Assert.Empty(await PlacesNamingAsync(bot, erased.UserId));
        Assert.Empty(await PlacesNamingAsync(bot, erased.ConversationId));
        Assert.Empty(await PlacesNamingAsync(bot, Psid));
        Assert.NotEmpty(await PlacesNamingAsync(bot, kept.UserId));

        var after = await admin.CampaignAsync(campaign["id"]!.GetValue<string>());
        Assert.Equal(2, AdminClient.Progress(after, "sent"));
        var (again, againBody) = await admin.SendAsync(HttpMethod.Delete, $"/api/admin/customers/emulator/{erased.UserId}");
        Assert.Equal(200, again);
        Assert.Equal(0, againBody!["stores"]!.AsArray().Sum(s => s!["records"]!.GetValue<long>()));

        // The customer comes back: a new conversation starts from nothing, and the bot answers (the hand-off went with the rest).
        Assert.NotEmpty(await erased.SayAndReadAsync("hi"));
    }

    [Theory]
    [InlineData("/api/admin/customers/emulator/%01")]
    [InlineData("/api/admin/customers/%20/someone")]
    public async Task A_customer_id_no_channel_would_send_is_a_400_naming_the_field(string path)
    {
        await using var bot = StartHost(AdminClient.Settings());

        var (status, body) = await new AdminClient(bot).SendAsync(HttpMethod.Delete, path);

        Assert.Equal(400, status);
        Assert.NotNull(body!["errors"]);
    }

    /// <summary>What a Messenger customer leaves besides a chat: their webhook events, their window, their offers and the entry that brought them.</summary>
    private static async Task SeedMessengerRecordsAsync(BotHost bot)
    {
        var services = bot.Services;
        var now = bot.Now();
        await services.GetRequiredService<IMessengerEventLog>().AcceptAsync([new AcceptedEvent($"mid:m-{Psid}", Psid, $"{{\"sender\":{{\"id\":\"{Psid}\"}}}}")], CancellationToken.None);
        await services.GetRequiredService<IMessagingWindowStore>().SaveAsync(MessagingWindow.Restore("messenger", Psid, now), CancellationToken.None);
        await services.GetRequiredService<IOfferHistoryStore>().RecordDeclineAsync("messenger", Psid, new OptInDeclineRecord("weekly-deals", now), CancellationToken.None);
        await services.GetRequiredService<IFunnelStore>().SaveAsync("messenger", Psid, "weekly-deals", new FunnelAttribution("topic_weekly-deals__src_store", now), CancellationToken.None);
    }

    /// <summary>
    /// A finished page keeps no subscriber ids (CampaignWorkItem.Finish); a page read and never finished does
    /// (a campaign cancelled or stopped mid-page): here one more page of the campaign, recorded and not done.
    /// </summary>
    private static async Task SeedUnfinishedCampaignPageAsync(BotHost bot, string campaignId, string customerId)
    {
        var services = bot.Services;
        var subscription = Assert.Single(await services.GetRequiredService<ISubscriptionStore>().ListByCustomerAsync("emulator", customerId, CancellationToken.None));
        var work = services.GetRequiredService<ICampaignWorkStore>();
        Assert.True(await work.TryCreateAsync(CampaignWorkItem.Create(campaignId, 1000, null), CancellationToken.None));
        var item = (await work.FindAsync(campaignId, 1000, CancellationToken.None))!;
        item.RecordPage([subscription.Id, "someone-else"], null);
        Assert.True(await work.TrySaveAsync(item, CancellationToken.None));
    }

    private static async Task<Dictionary<string, long>> HeldAsync(AdminClient admin, string channel, string customer)
    {
        var (status, body) = await admin.SendAsync(HttpMethod.Get, $"/api/admin/customers/{channel}/{customer}");
        Assert.Equal(200, status);
        return Totals(body!);
    }

    private static Dictionary<string, long> Totals(JsonNode body) =>
        body["stores"]!.AsArray().ToDictionary(s => s!["store"]!.GetValue<string>(), s => s!["records"]!.GetValue<long>());

    private static string Describe(Dictionary<string, long> held) => string.Join(", ", held.Select(h => $"{h.Key}: {h.Value}"));
}
