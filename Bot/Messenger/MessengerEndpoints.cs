using System.Text;
using ConversationBot.Bot.Endpoints;
using ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;
using ConversationBot.Bot.Messenger.Turns;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Bot.Security;
using ConversationBot.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Messenger's webhook at /api/messenger: the subscription handshake (GET) and the events (POST).
/// A POST is checked (size, then signature over the raw bytes) before it is parsed, every event is
/// read and checked, and the POST's events are stored in the event log in one write; then Meta gets
/// its 200, whatever the size of the batch (it wants one within 5 seconds), and the turns run from
/// the log behind it (<see cref="MessengerTurnQueue"/>): each sender's events in the order received,
/// different senders side by side. A host that stops leaves its events stored, and the next one takes
/// them over (<see cref="MessengerInboxSweep"/>). Only a POST that could not be stored gets a 503.
/// </summary>
public static partial class MessengerEndpoints
{
    public const string Path = "/api/messenger";

    /// <summary>How often an event whose turn fails for a passing reason is tried (<see cref="TurnRetrySchedule"/>) before it is set aside.</summary>
    public const int MaxAttemptsOfPassingFailures = 5;

    public static IEndpointRouteBuilder MapMessengerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<MessengerOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessengerEndpoints));
        if (!options.IsEnabled)
        {
            LogDisabled(logger, string.Join(", ", options.MissingSettings()));
            return endpoints;
        }

        endpoints.MapGet(Path, Handshake).WithName("MessengerHandshake").WithSummary("Meta's webhook subscription handshake.")
            .RequireRateLimiting(ChannelRateLimiterPolicy.Name);
        endpoints.MapPost(Path, ReceiveAsync).WithName("MessengerWebhook").WithSummary("Messenger webhook events: runs a turn for each.")
            .RequireRateLimiting(ChannelRateLimiterPolicy.Name);
        return endpoints;
    }

    private static IResult Handshake(HttpRequest request, IOptions<MessengerOptions> options, ILoggerFactory loggerFactory)
    {
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        if (mode != "subscribe" || !SecretComparison.Matches(token, SecretComparison.Hash(options.Value.VerifyToken ?? string.Empty)))
        {
            LogHandshakeRefused(loggerFactory.CreateLogger(typeof(MessengerEndpoints)), mode);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return string.IsNullOrEmpty(challenge)
            ? Results.Problem(detail: "hub.challenge is missing.", statusCode: StatusCodes.Status400BadRequest)
            : Results.Text(challenge, "text/plain", Encoding.UTF8);
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http,
        IOptions<MessengerOptions> options,
        IMessengerEventLog eventLog,
        MessengerTurnQueue turns,
        MarketingMessageOutcomes marketingMessages,
        TimeProvider clock,
        BotTelemetry telemetry,
        ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var logger = loggerFactory.CreateLogger(typeof(MessengerEndpoints));
        if (http.Request.ContentLength > settings.MaxBodyBytes)
        {
            return TooLarge(settings.MaxBodyBytes);
        }

        var body = await RequestBody.ReadBoundedAsync(http.Request.Body, settings.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge(settings.MaxBodyBytes);
        }

        var signature = MessengerSignature.Verify(body, http.Request.Headers[MessengerSignature.HeaderName].ToString(), settings.AppSecret!);
        if (signature != MessengerSignatureCheck.Valid)
        {
            LogSignatureRefused(logger, signature);
            return signature == MessengerSignatureCheck.Missing
                ? Results.Problem(detail: $"The {MessengerSignature.HeaderName} header is missing.", statusCode: StatusCodes.Status401Unauthorized)
                : Results.Problem(detail: $"The {MessengerSignature.HeaderName} signature does not match the body.", statusCode: StatusCodes.Status403Forbidden);
        }

        // Marketing Messages' delivery webhooks are no messaging events: each moves a message's outcome forward,
        // taken in before the 200 (a repeat changes nothing), bare or inside entry[].changes[].
        var marketing = MarketingMessageWebhook.Read(body, clock.GetUtcNow());
        if (!marketing.IsEmpty)
        {
            try
            {
                await marketingMessages.ApplyAsync(marketing, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (MessengerTurnRunner.IsPassing(ex))
            {
                LogNotStored(logger, ex, marketing.Reports.Count);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (marketing.IsBare)
            {
                return Results.Text("EVENT_RECEIVED", "text/plain", Encoding.UTF8);
            }
        }

        // Every event is read and checked before anything is stored: a body that is not a webhook
        // payload at all is refused whole (400; Meta's retries of it would not succeed either).
        if (!WebhookReader.TryRead(body, out var payload, out var events, out var error))
        {
            LogMalformed(logger, error);
            return Results.Problem(detail: $"The body is not a Messenger webhook payload: {error}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (payload.ObjectType != "page")
        {
            // Another product's webhook (instagram, user, ...) sent to this URL by the app's settings.
            // A non-200 would make Meta retry it for an hour and then unsubscribe the app, page included.
            LogOtherObject(logger, payload.ObjectType);
            return Results.Ok();
        }

        var inbox = Inbox(events, settings.Locale);
        IReadOnlySet<string> accepted;
        try
        {
            // Not the request's token: once Meta has sent the events, storing them must not stop half-way.
            accepted = await eventLog.AcceptAsync([.. inbox.Select(i => i.Accepted)], CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (MessengerTurnRunner.IsPassing(ex))
        {
            // Our store is down: the only case Meta must redeliver.
            LogNotStored(logger, ex, inbox.Count);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        foreach (var setAside in inbox.Where(i => i.Accepted.SetAsideReason is not null && accepted.Contains(i.Accepted.Key)))
        {
            telemetry.RecordSetAside("unreadable");
            LogSetAside(logger, setAside.Accepted.Key, setAside.Accepted.SetAsideReason!);
        }

        // The turns run behind the 200, each sender's in order, from what was just stored.
        turns.Enqueue(inbox
            .Where(i => i.Accepted.SetAsideReason is null && accepted.Contains(i.Accepted.Key))
            .Select(i => new QueuedEvent(i.Accepted.Key, i.Accepted.Sender, i.Accepted.Raw, i.Event)));
        return Results.Text("EVENT_RECEIVED", "text/plain", Encoding.UTF8);
    }

    /// <summary>
    /// What of a POST goes into the event log: each event that asks something of the bot (a turn or a
    /// consent change: <see cref="EventWork"/>), and each that never can, with why (it is set aside,
    /// never refused). Events that ask nothing (delivery and read receipts, echoes) are not stored.
    /// </summary>
    private static List<(AcceptedEvent Accepted, MessagingEvent? Event)> Inbox(IReadOnlyList<WebhookEvent> events, string? locale)
    {
        var inbox = new List<(AcceptedEvent, MessagingEvent?)>(events.Count);
        foreach (var received in events)
        {
            var sender = received.Event?.Sender?.Id ?? string.Empty;
            if (received.Problem is not null || received.Event is null)
            {
                inbox.Add((new AcceptedEvent(received.Key, sender, received.Raw, received.Problem ?? "unreadable"), null));
                continue;
            }

            try
            {
                if (EventWork.Of(received.Event, locale) is null)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A shape the checks let through and no turn or consent change can be made of: the same every time.
                inbox.Add((new AcceptedEvent(received.Key, sender, received.Raw, $"neither a turn nor a consent change can be made of it: {ex.Message}"), null));
                continue;
            }

            inbox.Add((new AcceptedEvent(received.Key, sender, received.Raw), received.Event));
        }

        return inbox;
    }

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(detail: $"The body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Messenger channel (/api/messenger) is disabled: set {MissingSettings} to enable it")]
    private static partial void LogDisabled(ILogger logger, string missingSettings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Messenger handshake (hub.mode {Mode}): wrong verify token or mode")]
    private static partial void LogHandshakeRefused(ILogger logger, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Messenger webhook POST: signature {Signature}")]
    private static partial void LogSignatureRefused(ILogger logger, MessengerSignatureCheck signature);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed Messenger webhook body: {Error}")]
    private static partial void LogMalformed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a webhook for object {Object}: this endpoint handles \"page\" (Messenger) only")]
    private static partial void LogOtherObject(ILogger logger, string? @object);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Set aside Messenger event {EventKey} without running it: {Reason}")]
    private static partial void LogSetAside(ILogger logger, string eventKey, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store a Messenger webhook POST of {Count} events; answering 503 so Meta redelivers it")]
    private static partial void LogNotStored(ILogger logger, Exception exception, int count);
}
