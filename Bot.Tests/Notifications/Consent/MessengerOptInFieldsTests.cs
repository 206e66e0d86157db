using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Consent;

public class MessengerOptInFieldsTests
{
    [Fact]
    public void Expiry_above_10_to_the_11_is_read_as_milliseconds_and_below_as_seconds()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1819187200000), MessengerOptInFields.ExpiryFromUnix(1819187200000));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1842774400), MessengerOptInFields.ExpiryFromUnix(1842774400));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(100_000_000_000), MessengerOptInFields.ExpiryFromUnix(100_000_000_000));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(100_000_000_001), MessengerOptInFields.ExpiryFromUnix(100_000_000_001));
    }

    [Theory]
    [InlineData(null, ConsentEventKind.OptIn)]
    [InlineData("STOP NOTIFICATIONS", ConsentEventKind.Stop)]
    [InlineData("STOP_NOTIFICATIONS", ConsentEventKind.Stop)]
    [InlineData("stop notifications", ConsentEventKind.Stop)]
    [InlineData("RESUME NOTIFICATIONS", ConsentEventKind.Resume)]
    [InlineData("RESUME_NOTIFICATIONS", ConsentEventKind.Resume)]
    public void Status_spellings_with_space_or_underscore_read_alike(string? status, ConsentEventKind expected)
    {
        Assert.True(MessengerOptInFields.TryReadStatus(status, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void An_unknown_status_is_not_guessed() => Assert.False(MessengerOptInFields.TryReadStatus("PAUSE", out _));

    [Fact]
    public void Frequency_and_token_status_read_the_platform_spelling()
    {
        Assert.Equal(Frequency.Weekly, MessengerOptInFields.ReadFrequency("WEEKLY"));
        Assert.Null(MessengerOptInFields.ReadFrequency(null));
        Assert.Null(MessengerOptInFields.ReadFrequency("HOURLY"));
        Assert.True(MessengerOptInFields.IsRefreshed("REFRESHED"));
        Assert.False(MessengerOptInFields.IsRefreshed("NOT_REFRESHED"));
    }
}
