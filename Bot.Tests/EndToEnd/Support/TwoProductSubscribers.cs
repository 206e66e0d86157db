using System.Globalization;
using ConversationBot.Bot.Tests.Messenger.MarketingMessages;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// A US shop's Page with subscribers of weekly deals in the US (Marketing Messages, to the stand-in in the test
/// process) and in Germany (Recurring Notifications, to the fake Send API): psid-0000-us / us-token-0000 and
/// psid-0000-eu / eu-token-0000 (docs/marketing-messages.md, "Which product carries a message"). A campaign goes
/// through its subscribers in the order of their ids, which begin with the customer: the two products take turns.
/// </summary>
public static class TwoProductSubscribers
{
    /// <summary>The bot's settings for both fakes, the admin key and the database file.</summary>
    public static Dictionary<string, string?> Settings(FakeGraphApi sendApi, StandInGraphServer meta, string databasePath)
    {
        var settings = new Dictionary<string, string?>(MessengerBot.Settings(sendApi));
        foreach (var (key, value) in MarketingMessagesHost.Settings(meta.BaseUrl.ToString()))
        {
            settings[key] = value;
        }

        settings["Storage:Sqlite:Path"] = databasePath;
        return settings;
    }

    /// <summary>Saves the subscribers, opted in three days ago, through a host on <paramref name="settings"/> that sends nothing.</summary>
    public static async Task SeedAsync(IDictionary<string, string?> settings, int us, int german)
    {
        await using var seeding = BotHost.Start(settings["Storage:Sqlite:Path"]!, new Dictionary<string, string?>(settings) { ["Delivery:Enabled"] = "false" });
        var store = seeding.Services.GetRequiredService<ISubscriptionStore>();
        var at = seeding.Now().AddDays(-3);
        var subscribers = Enumerable.Range(0, us).Select(i => ("us", i, "America/New_York"))
            .Concat(Enumerable.Range(0, german).Select(i => ("eu", i, "Europe/Berlin")));
        foreach (var (region, i, zone) in subscribers)
        {
            var subscription = Subscription.OptInOnMessenger(
                "weekly-deals", null, Psid(region, i), Token(region, i), zone, null, null, "Current", SubscriptionOrigin.RequestedByUs, at);
            Assert.True(await store.TrySaveAsync(subscription, CancellationToken.None));
        }
    }

    public static string Psid(string region, int i) => string.Create(CultureInfo.InvariantCulture, $"psid-{i:D4}-{region}");

    public static string Token(string region, int i) => string.Create(CultureInfo.InvariantCulture, $"{region}-token-{i:D4}");

    /// <summary>The customer a token belongs to.</summary>
    public static string PsidOf(string token) => token[^4..] is var number && token.StartsWith("us-", StringComparison.Ordinal) ? $"psid-{number}-us" : $"psid-{number}-eu";

    /// <summary>Whether the customer is one of the US subscribers (Marketing Messages).</summary>
    public static bool IsUs(string psid) => psid.EndsWith("-us", StringComparison.Ordinal);

    /// <summary>Messages per token taken in by the stand-in (US) and the Send API (German), together.</summary>
    public static Dictionary<string, int> PerToken(FakeGraphApi sendApi, StandInGraphServer meta) =>
        meta.Graph.Accepted.Select(a => a.Token)
            .Concat(sendApi.Requests.Select(r => r.Body["recipient"]!["notification_messages_token"]!.GetValue<string>()))
            .GroupBy(t => t)
            .ToDictionary(g => g.Key, g => g.Count());
}
