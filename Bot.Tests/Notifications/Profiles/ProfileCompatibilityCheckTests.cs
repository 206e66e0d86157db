using ConversationBot.Notifications.Profiles;

namespace ConversationBot.Bot.Tests.Notifications.Profiles;

public class ProfileCompatibilityCheckTests
{
    [Fact]
    public void A_daily_topic_under_the_48_hour_rule_is_warned_about()
    {
        var warnings = ProfileCompatibilityCheck.Warnings(TestTopics.Catalog, PlatformProfile.Current, "DE");
        Assert.Equal(
            ["Topics:order-updates promises Daily messages, but profile Current allows one message per Messenger token per 48 hours: the promise cannot be kept on Messenger."],
            warnings);
    }

    [Fact]
    public void Under_Launch2022_every_promise_can_be_kept() =>
        Assert.Empty(ProfileCompatibilityCheck.Warnings(TestTopics.Catalog, PlatformProfile.Launch2022, null));

    [Fact]
    public void A_region_the_profile_does_not_serve_or_no_region_at_all_is_warned_about()
    {
        Assert.Contains(ProfileCompatibilityCheck.Warnings(TestTopics.Catalog, PlatformProfile.Current, "US"), w => w.StartsWith("Notifications:Region 'US' is outside", StringComparison.Ordinal));
        Assert.Contains(ProfileCompatibilityCheck.Warnings(TestTopics.Catalog, PlatformProfile.Current, null), w => w.StartsWith("Notifications:Region is not set", StringComparison.Ordinal));
    }
}
