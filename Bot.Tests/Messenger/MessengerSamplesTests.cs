using System.Text.Json;
using ConversationBot.Bot.Tests.Messenger.Support;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// The samples are the repository's own (docs/messenger-platform.md §8), and their events happened
/// at <see cref="MessengerSamples.Instant"/>: the fake clocks of the tests that post them start there.
/// </summary>
public sealed class MessengerSamplesTests
{
    /// <summary>Where an entry carries events: the app's own channel, and the standby channel while another app holds the thread.</summary>
    private static readonly string[] EventChannels = ["messaging", "standby"];

    public static TheoryData<string> WebhookSamples => new(MessengerSamples.Files("*.json").Where(IsWebhookBody));

    [Theory]
    [MemberData(nameof(WebhookSamples))]
    public void Customer_messages_happened_at_the_samples_instant_and_nothing_before_it(string file)
    {
        using var document = JsonDocument.Parse(MessengerSamples.Read(file));
        var events = document.RootElement.GetProperty("entry").EnumerateArray()
            .SelectMany(entry => EventChannels.SelectMany(channel => entry.TryGetProperty(channel, out var events) ? [.. events.EnumerateArray()] : Array.Empty<JsonElement>()))
            .Select(messaging => (
                At: DateTimeOffset.FromUnixTimeMilliseconds(messaging.GetProperty("timestamp").GetInt64()),
                IsCustomerMessage: messaging.TryGetProperty("postback", out _)
                    || (messaging.TryGetProperty("message", out var message) && !message.TryGetProperty("is_echo", out _))))
            .ToList();

        // A Page change (feed-comment.json) has no messaging events; its comment was written just before the instant.
        Assert.True(events.Count > 0 || file.StartsWith("feed-", StringComparison.Ordinal), "no events");
        Assert.All(events, e => Assert.True(e.At >= MessengerSamples.Instant, $"{e.At:O} is before the samples' instant"));
        Assert.All(events.Where(e => e.IsCustomerMessage), e => Assert.Equal(MessengerSamples.Instant, e.At));
    }

    [Fact]
    public void The_samples_are_read_from_the_repository_not_from_beside_it()
    {
        var source = Path.Combine(Bot.Tests.Support.RepositoryPaths.Root, "Bot.Tests", "Messenger", "Samples");

        Assert.Equal(
            Directory.GetFiles(source, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            MessengerSamples.Files("*.json"));
        Assert.Contains("optin-notification-messages.json", MessengerSamples.Files("optin-*.json"));
    }

    private static bool IsWebhookBody(string file)
    {
        using var document = JsonDocument.Parse(MessengerSamples.Read(file));
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("object", out var kind)
            && kind.GetString() == "page";
    }
}
