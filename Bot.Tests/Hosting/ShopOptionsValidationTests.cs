using ConversationBot.Bot.Hosting;
using ConversationBot.Dialogs.Shop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Tests.Hosting;

/// <summary>The shop's opening hours as rules are checked at start-up (Bot/Hosting/Settings/ShopOptionsValidation.cs), every problem named by its key.</summary>
public sealed class ShopOptionsValidationTests
{
    [Fact]
    public void The_shipped_opening_hours_are_a_schedule()
    {
        var shop = Bind(new Dictionary<string, string?>());

        Assert.Equal("Europe/Zurich", shop.TimeZone);
        Assert.NotNull(OpeningSchedule.From(shop));
    }

    [Fact]
    public void Hours_a_weekday_twice_an_unknown_zone_and_a_bad_date_stop_the_host_naming_each_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new Dictionary<string, string?>
        {
            ["Shop:OpeningHours:0:Hours"] = "8 to 6",
            ["Shop:OpeningHours:1:Weekdays:0"] = "Monday",
            ["Shop:OpeningHours:2:Weekdays:0"] = "1",
            ["Shop:TimeZone"] = "Europe/Atlantis",
            ["Shop:ClosedDates:0"] = "25.12.2026",
        }));

        Assert.Equal(
            ["Shop:ClosedDates:0", "Shop:OpeningHours:0:Hours:", "Shop:OpeningHours:1:Weekdays:0", "Shop:OpeningHours:2:Weekdays:0", "Shop:TimeZone"],
            failure.Failures.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains("System.", StringComparison.Ordinal));
    }

    [Fact]
    public void Weekdays_without_a_time_zone_are_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new Dictionary<string, string?> { ["Shop:TimeZone"] = string.Empty }));

        Assert.Equal(["Shop:TimeZone is missing: the zone the opening hours are in (e.g. Europe/Zurich)"], failure.Failures);
    }

    private static ShopOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Support.RepositoryPaths.BotProject, "appsettings.json"))
            .AddInMemoryCollection(settings)
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddCustomerServiceDialogs(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ShopOptions>>().Value;
    }
}
