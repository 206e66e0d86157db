using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.Notifications;
using ConversationBot.Cards;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Cards;

/// <summary>
/// Every card the bot sends, in every language and in the shapes that break layouts. The render
/// test sends all of it through the official Adaptive Cards library; CardGalleryTests fails when a
/// card type in ConversationBot.Cards has no sample here.
/// </summary>
public static class CardGallery
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    public static readonly IReadOnlyList<CultureInfo> Languages = [English, German];

    public static readonly Uri ShopWebsite = new("https://shop.example.com/");

    public static readonly OrderStatusCardModel ShippedOrder = new(
        OrderNumber: "A-10042",
        Status: OrderStatus.Shipped,
        OrderDate: new DateOnly(2026, 11, 20),
        ExpectedDelivery: new DateOnly(2026, 11, 26),
        Items:
        [
            new OrderItem("Running shoes", 1, new Money(89.95m, "EUR")),
            new OrderItem("Sports socks, 3-pack", 2, new Money(12.50m, "EUR")),
            new OrderItem("Water bottle", 1, new Money(1234.5m, "EUR")),
        ],
        Carrier: "DHL",
        TrackingUrl: new Uri("https://tracking.example.com/parcel?id=00340434161094042557&lang=de"));

    public static readonly OrderStatusCardModel EmptyCancelledOrder = new(
        OrderNumber: "A-10043",
        Status: OrderStatus.Cancelled,
        OrderDate: new DateOnly(2026, 11, 21),
        ExpectedDelivery: null,
        Items: []);

    public static readonly OrderStatusCardModel LongNamesOrder = new(
        OrderNumber: "A-10044-2026-XL",
        Status: OrderStatus.ReturnRequested,
        OrderDate: new DateOnly(2026, 2, 28),
        ExpectedDelivery: null,
        Items:
        [
            new OrderItem(
                "Extra-warm winter jacket with removable hood, recycled down filling and reflective piping (Größe XL, colour: midnight blue)",
                1,
                new Money(249.00m, "EUR")),
            new OrderItem("Donaudampfschifffahrtsgesellschaftskapitänsmütze", 12, new Money(19.99m, "EUR")),
            new OrderItem("T-Shirt \"Größe ä 😀\" <b>not bold</b> & friends", 1000, new Money(9.99m, "CHF")),
        ]);

    public static readonly ContactCardModel Contact = new(
        OpeningHours:
        [
            new OpeningHours("Mon–Fri", "9:00–18:00"),
            new OpeningHours("Sat", "10:00–14:00"),
            new OpeningHours("Sun, public holidays", null),
        ],
        Phone: "+49 30 1234567",
        Email: "service@shop.example.com",
        AddressLines: ["Beispielshop GmbH", "Musterstraße 1", "10115 Berlin"],
        WebsiteUrl: ShopWebsite);

    public static readonly ContactCardModel MinimalContact = new(
        OpeningHours: [],
        Phone: "+49 30 1234567",
        Email: "service@shop.example.com",
        AddressLines: []);

    /// <summary>A Monday morning in winter: 08:00 UTC is 09:00 in Berlin and 17:00 in Tokyo.</summary>
    public static readonly DateTimeOffset NextMonday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    /// <summary>When the notification cards are looked at: the Saturday before <see cref="NextMonday"/>.</summary>
    public static readonly DateTimeOffset AsOf = NextMonday.AddDays(-2);

    public static readonly SubscriptionLine ActiveWeeklyDeals = new(
        TopicId: "weekly-deals",
        Title: "Weekly deals from our shop",
        Frequency: Frequency.Weekly,
        IsStopped: false,
        NextPossibleAt: NextMonday,
        ExpiresAt: new DateTimeOffset(2027, 8, 20, 10, 30, 0, TimeSpan.Zero),
        TimeZoneId: "Europe/Berlin");

    public static readonly SubscriptionLine StoppedOrderUpdates = new(
        TopicId: "order-updates",
        Title: "Order updates",
        Frequency: Frequency.Daily,
        IsStopped: true,
        NextPossibleAt: null,
        ExpiresAt: null,
        TimeZoneId: null);

    public static readonly SubscriptionLine UnicodeNewsletter = new(
        TopicId: "monthly-newsletter",
        Title: "Neuigkeiten für Größe ä 😀 – 新着情報 and a title long enough to wrap twice",
        Frequency: Frequency.Monthly,
        IsStopped: false,
        NextPossibleAt: NextMonday.AddDays(-3),
        ExpiresAt: null,
        TimeZoneId: "Asia/Tokyo");

    public static IReadOnlyList<CardSample> All { get; } = Build();

    public static TheoryData<string> Names => [.. All.Select(sample => sample.Name)];

    public static CardSample Get(string name) => All.Single(sample => sample.Name == name);

    private static List<CardSample> Build()
    {
        var samples = new List<CardSample>();
        foreach (var culture in Languages)
        {
            var lang = culture.TwoLetterISOLanguageName;
            void Add(Type cardType, string variant, JsonObject card) =>
                samples.Add(new CardSample($"{cardType.Name}.{variant}.{lang}", cardType, culture, card));

            Add(typeof(WelcomeCard), "named", WelcomeCard.Build(new WelcomeCardModel("Anna", ShopWebsite), culture));
            Add(typeof(WelcomeCard), "anonymous", WelcomeCard.Build(new WelcomeCardModel(), culture));
            Add(typeof(WelcomeCard), "unicode-name", WelcomeCard.Build(new WelcomeCardModel("Jürgen Größe ä 😀"), culture));

            Add(typeof(OrderStatusCard), "shipped", OrderStatusCard.Build(ShippedOrder, culture));
            Add(typeof(OrderStatusCard), "cancelled-empty", OrderStatusCard.Build(EmptyCancelledOrder, culture));
            Add(typeof(OrderStatusCard), "long-names", OrderStatusCard.Build(LongNamesOrder, culture));
            foreach (var status in Enum.GetValues<OrderStatus>())
            {
                Add(typeof(OrderStatusCard), $"status-{status}", OrderStatusCard.Build(ShippedOrder with { Status = status }, culture));
            }

            Add(typeof(ContactCard), "full", ContactCard.Build(Contact, culture));
            Add(typeof(ContactCard), "minimal", ContactCard.Build(MinimalContact, culture));

            Add(typeof(OptInOfferCard), "with-image", OptInOfferCard.Build(OfferOf(TestTopics.WeeklyDeals, culture), culture));
            Add(typeof(OptInOfferCard), "without-image", OptInOfferCard.Build(OfferOf(TestTopics.OrderUpdates, culture), culture));
            Add(typeof(OptInOfferCard), "unicode-title", OptInOfferCard.Build(
                new OptInOfferCardModel(
                    "monthly-newsletter",
                    "Größe ä 😀 – 新着情報: news from our shop, once a month",
                    "T-Shirt \"Größe ä 😀\" <b>not bold</b> & friends: what is new, with a description long enough to wrap over several lines.",
                    new Uri("https://example.com/newsletter%20banner.png?w=800&lang=de"),
                    Frequency.Monthly),
                culture));

            Add(typeof(MyNotificationsCard), "empty", MyNotificationsCard.Build(new MyNotificationsCardModel([], AsOf), culture));
            Add(typeof(MyNotificationsCard), "active-and-stopped", MyNotificationsCard.Build(
                new MyNotificationsCardModel([ActiveWeeklyDeals, StoppedOrderUpdates], AsOf), culture));
            Add(typeof(MyNotificationsCard), "unicode-titles", MyNotificationsCard.Build(
                new MyNotificationsCardModel([UnicodeNewsletter, StoppedOrderUpdates with { Title = "Bestellstatus 📦 ä" }], AsOf), culture));
        }
        return samples;
    }

    /// <summary>What a dialog would build from a configured topic for a customer in <paramref name="culture"/>.</summary>
    public static OptInOfferCardModel OfferOf(Topic topic, CultureInfo culture)
    {
        var text = topic.TextFor(culture.Name);
        return new OptInOfferCardModel(topic.Id, text.Title, text.Description, topic.ImageUrl, topic.Frequency);
    }
}
