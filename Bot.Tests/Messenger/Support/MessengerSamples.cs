using System.Text.Json;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Errors;

namespace ConversationBot.Bot.Tests.Messenger.Support;

/// <summary>
/// The Messenger payloads in <c>Bot.Tests/Messenger/Samples/</c> (copied next to the test assembly;
/// docs/messenger-platform.md §8 lists them), and the small parsing the host does for real, done
/// here with System.Text.Json for the domain's unit tests.
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

    /// <summary>Every <c>optin</c> of type <c>notification_messages</c> in a webhook body, as domain events.</summary>
    public static IReadOnlyList<ConsentEvent> ConsentEvents(string fileName)
    {
        using var document = JsonDocument.Parse(Read(fileName));
        var events = new List<ConsentEvent>();
        foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
        {
            foreach (var messaging in entry.GetProperty("messaging").EnumerateArray())
            {
                if (!messaging.TryGetProperty("optin", out var optin) || String(optin, "type") != "notification_messages")
                {
                    continue;
                }

                var customer = messaging.GetProperty("sender").GetProperty("id").GetString()!;
                var at = DateTimeOffset.FromUnixTimeMilliseconds(messaging.GetProperty("timestamp").GetInt64());
                if (!MessengerOptInFields.TryReadStatus(String(optin, "notification_messages_status"), out var kind))
                {
                    throw new InvalidOperationException($"unknown status in {fileName}");
                }

                var token = String(optin, "notification_messages_token");
                var payload = String(optin, "payload");
                var title = String(optin, "title");
                events.Add(kind switch
                {
                    ConsentEventKind.Stop => ConsentEvent.Stop(customer, at, token, payload, title),
                    ConsentEventKind.Resume => ConsentEvent.Resume(customer, at, token, payload, title),
                    _ => ConsentEvent.OptIn(
                        customer,
                        at,
                        token!,
                        payload,
                        title,
                        String(optin, "notification_messages_timezone"),
                        MessengerOptInFields.ReadFrequency(String(optin, "notification_messages_frequency")),
                        optin.TryGetProperty("token_expiry_timestamp", out var expiry) ? MessengerOptInFields.ExpiryFromUnix(expiry.GetInt64()) : null,
                        MessengerOptInFields.IsRefreshed(String(optin, "user_token_status"))),
                });
            }
        }

        return events;
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
