using ConversationBot.Notifications;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Profiles;

public class PlatformProfileTests
{
    [Fact]
    public void Launch2022_carries_the_2022_rules_of_the_readme_table()
    {
        var p = PlatformProfile.Launch2022;
        Assert.Equal(PerTokenSendRule.CalendarPeriodOfTokenFrequency, p.SendRule);
        Assert.True(p.RequestCarriesFrequency);
        Assert.Equal((6, 9, 12), (p.TokenLifetime.DailyMonths!.Value, p.TokenLifetime.WeeklyMonths!.Value, p.TokenLifetime.MonthlyMonths!.Value));
        Assert.True(p.ReOptInOffered);
        Assert.Equal(TimeSpan.FromDays(7), p.ReOptInBeforeExpiry);
        Assert.Null(p.SameTitleRequestLimit);
        Assert.Null(p.Regions);
    }

    [Fact]
    public void Current_carries_the_rules_since_September_2025()
    {
        var p = PlatformProfile.Current;
        Assert.Equal(PerTokenSendRule.Rolling(TimeSpan.FromHours(48)), p.SendRule);
        Assert.False(p.RequestCarriesFrequency);
        Assert.False(p.TokenLifetime.Expires);
        Assert.False(p.ReOptInOffered);
        Assert.Equal(TimeSpan.FromDays(7), p.SameTitleRequestLimit);
        Assert.Equal(["AU", "EU", "JP", "KR", "UK"], p.Regions!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_value_of_a_built_in_profile_can_be_overridden_from_configuration()
    {
        var profile = PlatformProfile.Resolve("Current", new Dictionary<string, PlatformProfileOptions>
        {
            ["Current"] = new()
            {
                PerTokenInterval = TimeSpan.FromHours(24),
                SameTitleRequestLimit = TimeSpan.Zero,
                Regions = ["*"],
                TokensExpire = true,
                TokenLifetimeMonthsDaily = 1,
                TokenLifetimeMonthsWeekly = 2,
                TokenLifetimeMonthsMonthly = 3,
                RequestCarriesFrequency = true,
            },
        });
        Assert.Equal(PerTokenSendRule.Rolling(TimeSpan.FromHours(24)), profile.SendRule);
        Assert.Null(profile.SameTitleRequestLimit);
        Assert.Null(profile.Regions);
        Assert.Equal(2, profile.TokenLifetime.WeeklyMonths);
        Assert.True(profile.RequestCarriesFrequency);
        Assert.Equal(PlatformProfile.Current.SendRule, PlatformProfile.Current.SendRule); // the built-in is untouched
        Assert.Equal(TimeSpan.FromHours(48), PlatformProfile.Current.SendRule.Interval);
    }

    [Fact]
    public void A_new_profile_is_a_configuration_edit_based_on_a_built_in()
    {
        var profile = PlatformProfile.Resolve("Next2027", new Dictionary<string, PlatformProfileOptions>
        {
            ["Next2027"] = new() { BasedOn = "Current", PerTokenInterval = TimeSpan.FromHours(72), Description = "hypothetical" },
        });
        Assert.Equal("Next2027", profile.Name);
        Assert.Equal(TimeSpan.FromHours(72), profile.SendRule.Interval);
        Assert.Equal(TimeSpan.FromDays(7), profile.SameTitleRequestLimit);
    }

    [Fact]
    public void An_unknown_profile_name_stops_start_up_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PlatformProfile.Resolve("Launch2021", null));
        Assert.StartsWith("Notifications:Profile 'Launch2021'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_override_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PlatformProfile.Resolve("Current", new Dictionary<string, PlatformProfileOptions>
        {
            ["Current"] = new() { PerTokenRule = "Hourly" },
        }));
        Assert.StartsWith("Notifications:Profiles:Current:PerTokenRule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_validator_collects_topic_profile_and_policy_problems()
    {
        var options = new NotificationsOptions { Profile = "Nope" };
        options.Topics["weekly-deals"] = TestTopics.ValidOptions(new string('x', 70));
        options.OptIns.DailyCap = 0;
        var problems = NotificationsOptionsValidator.Validate(options);
        Assert.Contains("Notifications:Topics:weekly-deals:Title is 70 characters; at most 65", problems);
        Assert.Contains(problems, p => p.StartsWith("Notifications:Profile 'Nope'", StringComparison.Ordinal));
        Assert.Contains("Notifications:OptIns:DailyCap must be at least 1", problems);
    }

    [Fact]
    public void The_default_profile_is_Current() => Assert.Equal(PlatformProfile.CurrentName, new NotificationsOptions().Profile);
}
