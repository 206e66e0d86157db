using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications;

/// <summary>Test data: the topics the samples in Bot.Tests/Messenger/Samples refer to.</summary>
public static class TestTopics
{
    public static Topic WeeklyDeals { get; } = Topic.Create(
        "weekly-deals",
        Frequency.Weekly,
        new Dictionary<string, TopicText>
        {
            ["en"] = new("Weekly deals from our shop", "Our best offers of the week."),
            ["de"] = new("Wöchentliche Angebote aus unserem Shop", "Unsere besten Angebote der Woche."),
        },
        new Uri("https://example.com/deals.png"));

    public static Topic OrderUpdates { get; } = Topic.Create(
        "order-updates",
        Frequency.Daily,
        new Dictionary<string, TopicText>
        {
            ["en"] = new("Order updates", "News about your orders."),
            ["de"] = new("Bestellstatus", "Neuigkeiten zu deinen Bestellungen."),
        });

    public static Topic Newsletter { get; } = Topic.Create(
        "monthly-newsletter",
        Frequency.Monthly,
        new Dictionary<string, TopicText>
        {
            ["en"] = new("Monthly newsletter", "What is new in our shop."),
            ["de"] = new("Monatlicher Newsletter", "Was es Neues gibt, einmal im Monat."),
        },
        callToAction: CallToAction.SignUp);

    public static TopicCatalog Catalog { get; } = TopicCatalog.Of(WeeklyDeals, OrderUpdates, Newsletter);

    public static TopicOptions ValidOptions(string title = "Weekly deals from our shop") => new()
    {
        Title = title,
        Description = "Our best offers of the week.",
        Frequency = "Weekly",
        ImageUrl = "https://example.com/deals.png",
        Texts =
        {
            ["de"] = new TopicTextOptions { Title = "Wöchentliche Angebote", Description = "Unsere besten Angebote der Woche." },
        },
    };
}
