using System.Text.Json;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Errors;

namespace ConversationBot.Bot.Tests.Notifications;

/// <summary>
/// The shared sample payloads (../shared/messenger next to the solution folder), and the small
/// parsing the host will do for real, done here with System.Text.Json.
/// </summary>
public static class MessengerSamples
{
    public static string Folder { get; } = Locate();

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

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ConversationBot.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "messenger"));
            }
        }

        throw new DirectoryNotFoundException("No ConversationBot.sln above " + AppContext.BaseDirectory);
    }
}
