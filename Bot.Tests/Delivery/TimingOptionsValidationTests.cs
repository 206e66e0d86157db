using ConversationBot.Bot.Delivery;
using ConversationBot.Notifications.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Tests.Delivery;

/// <summary>Delivery:QuietHours and Delivery:FallbackTimeZone are checked at start-up, every problem named by its key.</summary>
public sealed class TimingOptionsValidationTests
{
    [Fact]
    public void The_defaults_are_quiet_from_nine_at_night_to_eight_in_the_morning_in_utc()
    {
        var timing = new TimingOptions().ToRecipientTiming();

        Assert.True(new TimingOptionsValidation().Validate(null, new TimingOptions()).Succeeded);
        Assert.Equal((new TimeOnly(21, 0), new TimeOnly(8, 0), TimeZoneInfo.Utc.Id), (timing.QuietHours.Start, timing.QuietHours.End, timing.FallbackZone.Id));
    }

    [Fact]
    public void A_quiet_hour_that_is_no_time_of_day_or_a_zone_the_machine_does_not_know_stops_the_host_naming_each_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delivery:QuietHours:Start"] = "25:00",
            ["Delivery:QuietHours:End"] = "8am",
            ["Delivery:FallbackTimeZone"] = "Europe/Atlantis",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddProactiveDelivery(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TimingOptions>>().Value);

        Assert.Equal(
            ["Delivery:FallbackTimeZone", "Delivery:QuietHours:End", "Delivery:QuietHours:Start"],
            failure.Failures.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }
}
