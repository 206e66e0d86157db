using System.Text.Json;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Errors;

namespace ConversationBot.Bot.Tests.Messenger.Support;

/// <summary>
/// The Messenger payloads in <c>Bot.Tests/Messenger/Samples/</c> (copied next to the test assembly;
/// docs/messenger-platform.md §8 lists them), read as the host reads them, for the domain's unit tests.
/// </summary>
public static class MessengerSamples
{
    /// <summary>
    /// The instant the samples' events happened (2026-11-25 09:46:40 UTC): every webhook sample's
    /// <c>timestamp</c> is this or a few hours after it. A fixed instant compared with the real clock
    /// makes a test pass only on the days after it was written, so a host that is posted samples runs
    /// on a fake clock set from this (<see cref="MessengerBot"/>), never on the system's.
    /// </summary>
    public static readonly DateTimeOffset Instant = DateTimeOffset.FromUnixTimeMilliseconds(1795600000000);

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Messenger", "Samples");

    public static IEnumerable<string> Files(string pattern) =>
        Directory.GetFiles(Folder, pattern).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

    /// <summary>
    /// Every <c>optin</c> of type <c>notification_messages</c> in a webhook body, as domain events: read
    /// by the webhook's own reader and parser (<see cref="WebhookReader"/>, <see cref="MessengerOptIn"/>),
    /// so a test of the domain with samples tests what production hands it.
    /// </summary>
    public static IReadOnlyList<ConsentEvent> ConsentEvents(string fileName)
    {
        if (!WebhookReader.TryRead(System.Text.Encoding.UTF8.GetBytes(Read(fileName)), out _, out var events, out var error))
        {
            throw new InvalidOperationException($"{fileName} is no webhook payload: {error}");
        }

        return [.. events
            .Where(e => e.Event is not null && MessengerOptIn.IsNotificationMessages(e.Event))
            .Select(e => MessengerOptIn.From(e.Event!) ?? throw new InvalidOperationException($"{fileName}: an opt-in the parser cannot use ({e.Raw})"))];
    }

    /// <summary>A Graph error body as the host would hand it to the classifier (HTTP 400 unless told).</summary>
    public static PlatformError Error(string fileName, int httpStatus = 400)
    {
        var body = Read(fileName);
        using var document = JsonDocument.Parse(body);
        var error = document.RootElement.GetProperty("error");
        return new PlatformError(
            httpStatus,
            error.TryGetProperty("code", out var code) ? code.GetInt32() : null,
            error.TryGetProperty("error_subcode", out var subcode) ? subcode.GetInt32() : null,
            String(error, "message"),
            Body: body);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
