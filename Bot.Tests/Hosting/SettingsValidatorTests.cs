using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Notifications;
using ConversationBot.Notifications;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Hosting;

/// <summary>
/// One options convention: a settings class's declared ranges and its own rules are reported together,
/// every problem at once, each naming its full key, each once.
/// </summary>
public sealed class SettingsValidatorTests
{
    [Fact]
    public void Declared_ranges_and_own_rules_are_reported_together_each_by_its_full_key()
    {
        var options = new MessengerOptions { MaxBodyBytes = 10, GraphBaseUrl = new Uri("/relative", UriKind.Relative), Locale = "xx-NOPE", TurnLease = TimeSpan.Zero };

        var result = new MessengerOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["Messenger:GraphBaseUrl", "Messenger:Locale", "Messenger:MaxBodyBytes", "Messenger:TurnLease"],
            result.Failures!.Select(f => f[..f.IndexOfAny([' ', ':'], "Messenger:".Length)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Settings_that_keep_their_rules_pass()
    {
        Assert.True(new MessengerOptionsValidation().Validate(null, new MessengerOptions()).Succeeded);
        Assert.True(new DeliveryHostOptionsValidation().Validate(null, new DeliveryHostOptions()).Succeeded);
    }

    [Fact]
    public void A_broken_topic_is_reported_once()
    {
        var options = new NotificationsOptions { Topics = { ["weekly-deals"] = new TopicOptions { Title = "", Frequency = "Weekly" } } };

        var failures = new NotificationsOptionsValidation().Validate(null, options).Failures!.ToList();

        Assert.NotEmpty(failures);
        Assert.Equal(failures.Count, failures.Distinct(StringComparer.Ordinal).Count());
        Assert.All(failures, f => Assert.StartsWith("Notifications:", f, StringComparison.Ordinal));
    }

    [Fact]
    public void The_hosts_delivery_settings_are_checked_apart_from_the_domains()
    {
        var failures = new DeliveryHostOptionsValidation().Validate(null, new DeliveryHostOptions { PollInterval = TimeSpan.Zero, MessengerSendsPerSecond = -1 }).Failures!;

        Assert.Equal(["Delivery:MessengerSendsPerSecond must be 0 (unlimited) or positive", "Delivery:PollInterval must be positive"], failures.Order(StringComparer.Ordinal));
    }
}
