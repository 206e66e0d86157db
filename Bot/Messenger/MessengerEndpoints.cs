using System.Text;
using ConversationBot.Bot.Endpoints;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Bot.Security;
using ConversationBot.Bot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Messenger's webhook at /api/messenger: the subscription handshake (GET) and the events (POST).
/// A POST is checked (size, then signature over the raw bytes) before it is parsed, then every
/// event is run before the 200: Meta redelivers a POST that did not get one, so an event is never
/// lost when the process stops mid-batch, and the event log makes the redelivery run each event
/// once. Each sender's events run in the order received; different senders' events run side by
/// side, so a batch takes as long as its busiest sender, not the sum of all its turns.
/// </summary>
public static partial class MessengerEndpoints
{
    public const string Path = "/api/messenger";

    /// <summary>How often an event whose turn fails for a passing reason is redelivered before it is set aside.</summary>
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

        endpoints.MapGet(Path, Handshake).WithName("MessengerHandshake").WithSummary("Meta's webhook subscription handshake.");
        endpoints.MapPost(Path, ReceiveAsync).WithName("MessengerWebhook").WithSummary("Messenger webhook events: runs a turn for each.");
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
        MessengerAdapter adapter,
        IBot bot,
        IMessengerEventLog eventLog,
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

        // Every event is read before any runs: a malformed batch is refused whole (400, Meta's
        // retries of it will not succeed either) instead of half-processed.
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

        return await RunAsync(events, settings.Locale, adapter, bot, eventLog, telemetry, logger).ConfigureAwait(false);
    }

    private static async Task<IResult> RunAsync(IReadOnlyList<WebhookEvent> events, string? locale, MessengerAdapter adapter, IBot bot, IMessengerEventLog eventLog, BotTelemetry telemetry, ILogger logger)
    {
        var outcomes = await Task.WhenAll(events
            .GroupBy(e => e.Event?.Sender?.Id ?? string.Empty, StringComparer.Ordinal)
            .Select(sender => RunInOrderAsync([.. sender], locale, adapter, bot, eventLog, telemetry, logger))).ConfigureAwait(false);

        return outcomes.All(done => done)
            ? Results.Text("EVENT_RECEIVED", "text/plain", Encoding.UTF8)
            : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>One sender's events, in order; false when one must be redelivered (and none after it ran).</summary>
    private static async Task<bool> RunInOrderAsync(List<WebhookEvent> events, string? locale, MessengerAdapter adapter, IBot bot, IMessengerEventLog eventLog, BotTelemetry telemetry, ILogger logger)
    {
        foreach (var received in events)
        {
            if (received.Problem is not null || received.Event is null)
            {
                // It can never run: set aside (once; a redelivery finds it there), never refused.
                await SetAsideUnreadableAsync(received, received.Problem ?? "unreadable", eventLog, telemetry, logger).ConfigureAwait(false);
                continue;
            }

            var messagingEvent = received.Event;
            Activity? activity;
            try
            {
                activity = MessengerActivityFactory.ToActivity(messagingEvent, locale);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A shape the checks let through and the activity cannot be made of: the same every time.
                await SetAsideUnreadableAsync(received, $"no activity can be made of it: {ex.Message}", eventLog, telemetry, logger).ConfigureAwait(false);
                continue;
            }

            if (activity is null)
            {
                continue;
            }

            // Not the request's token: a turn cut short because Meta hung up would have sent its
            // replies without saving its state. The host's shutdown waits for running requests.
            var key = received.Key;
            var turn = await eventLog.ClaimAsync(key, CancellationToken.None).ConfigureAwait(false);
            switch (turn.Claim)
            {
                case MessengerEventClaim.AlreadyProcessed:
                    LogDuplicate(logger, key);
                    continue;
                case MessengerEventClaim.InProgress:
                    // Another request runs it now; if that one fails, only a redelivery brings it
                    // back, and this sender's later events must not overtake it.
                    return false;
                default:
                    break;
            }

            try
            {
                var outbox = new MessengerOutbox(eventLog, key, turn.SentReplies);
                await adapter.ProcessActivityAsync(activity, MessengerActivityFactory.IsCustomerMessage(messagingEvent), outbox, bot, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsPassing(ex) && turn.Attempts < MaxAttemptsOfPassingFailures)
            {
                // The turn did not happen (storage down, the Send API refusing for a moment): give the
                // event back and let Meta redeliver the POST; the events already done are skipped then.
                LogEventFailed(logger, ex, key);
                await eventLog.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
                return false;
            }
            catch (Exception ex)
            {
                // It failed the same way every time, or for a reason no redelivery changes: a poison event.
                // Set aside, so Meta is answered 200 and the page stays subscribed; an operator sees why.
                var reason = $"the turn failed on attempt {turn.Attempts}: {ex.Message}";
                await eventLog.SetAsideAsync(key, received.Raw, reason, CancellationToken.None).ConfigureAwait(false);
                telemetry.RecordSetAside("turn_failed");
                LogPoisonSetAside(logger, ex, key, turn.Attempts);
                continue;
            }

            await eventLog.CompleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task SetAsideUnreadableAsync(WebhookEvent received, string reason, IMessengerEventLog eventLog, BotTelemetry telemetry, ILogger logger)
    {
        await eventLog.SetAsideAsync(received.Key, received.Raw, reason, CancellationToken.None).ConfigureAwait(false);
        telemetry.RecordSetAside("unreadable");
        LogSetAside(logger, received.Key, reason);
    }

    /// <summary>A failure of something outside the event (a store, the network, the Send API) that a redelivery may get past.</summary>
    private static bool IsPassing(Exception exception) =>
        exception is HttpRequestException or TimeoutException or IOException or System.Data.Common.DbException
            or Microsoft.Azure.Cosmos.CosmosException or ConversationBot.Notifications.Errors.PlatformRefusedException or OperationCanceledException;

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped Messenger event {EventKey}: already processed (a redelivery)")]
    private static partial void LogDuplicate(ILogger logger, string eventKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Set aside Messenger event {EventKey} without running it: {Reason}")]
    private static partial void LogSetAside(ILogger logger, string eventKey, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Set aside Messenger event {EventKey}: its turn failed on attempt {Attempts} and would fail again; answering 200")]
    private static partial void LogPoisonSetAside(ILogger logger, Exception exception, string eventKey, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Messenger event {EventKey} failed; answering 503 so Meta redelivers it")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, string eventKey);
}
