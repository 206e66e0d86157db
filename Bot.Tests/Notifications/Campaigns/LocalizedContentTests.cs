using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Campaigns;

/// <summary>A campaign's versions per language and its segment: which version a subscriber gets, who belongs, what is refused.</summary>
public class LocalizedContentTests
{
    private static readonly SubscriberLanguages Languages = new(["en", "de"], "en");
    private static readonly DateTimeOffset At = new(2027, 3, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_subscriber_gets_their_languages_version_else_the_default_languages()
    {
        var germanOnly = new LocalizedContent("de", new Dictionary<string, CampaignContent> { ["DE"] = CampaignContent.TextOnly("Angebote") });

        Assert.Equal("Angebote", germanOnly.For("en").Text);
        Assert.Equal("Angebote", germanOnly.For("de").Text);
        Assert.Equal("Angebote", germanOnly.For(null).Text);
        Assert.Empty(germanOnly.Validate(Languages));
    }

    [Fact]
    public void Every_version_is_checked_against_messengers_limits_with_its_field_path()
    {
        var content = new LocalizedContent("en", new Dictionary<string, CampaignContent>
        {
            ["en"] = CampaignContent.TextOnly("Deals"),
            ["de"] = new("Angebote", new Uri("https://shop.example.com/a.png"), [new("Ja", "offers"), new(new string('x', 21), "offers")]),
            ["fr"] = CampaignContent.TextOnly("Promos"),
        });

        Assert.Equal(["content.de.buttons[1].title", "content.fr"], content.Validate(Languages).Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_segment_keeps_the_languages_channels_and_opt_in_times_it_names()
    {
        var segment = new CampaignSegment(["de"], ["messenger"], At.AddDays(-10), At);
        Subscription Messenger(string? language, int daysAgo) =>
            Subscription.OptInOnMessenger("weekly-deals", null, "c", "t", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At.AddDays(-daysAgo), language);

        Assert.True(segment.Includes(Messenger("de", 5), Languages));
        Assert.False(segment.Includes(Messenger("en", 5), Languages));
        Assert.False(segment.Includes(Messenger(null, 5), Languages)); // no language recorded: the fallback, English
        Assert.False(segment.Includes(Messenger("de", 11), Languages));
        Assert.False(segment.Includes(Subscription.OptInWithConversationReference("weekly-deals", null, "webchat", "c", "{}", null, null, "Current", At.AddDays(-5), "de"), Languages));
        Assert.Equal(["segment.languages[0]", "segment.optedInBefore"], new CampaignSegment(["fr"], null, At, At.AddDays(-1)).Validate(Languages).Select(e => e.Field));
    }
}
