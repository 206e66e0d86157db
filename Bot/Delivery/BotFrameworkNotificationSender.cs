using System.Net;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Security;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// Campaign messages to Bot Framework channel subscribers (Web Chat, Teams, the Emulator, ...): a
/// proactive message into the conversation the customer opted in from, through the adapter's
/// <c>ContinueConversationAsync</c> with the stored conversation reference. Connector clients are
/// shared per service URL (see <see cref="ConnectorClientCache"/>), so a fan-out does not rebuild them.
/// A stored reference whose service URL the bot may not send to (<see cref="ServiceUrlPolicy"/>) is
/// refused before anything is sent, and the delivery is recorded as failed with that reason.
/// </summary>
public sealed class BotFrameworkNotificationSender(BotCloudAdapter adapter, IConfiguration configuration, ServiceUrlPolicy serviceUrls) : INotificationSender
{
    // The bot's own app id: empty for the Emulator without authentication.
    private readonly string _appId = configuration["MicrosoftAppId"] ?? string.Empty;

    public bool CanSend(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return !subscription.IsMessenger && subscription.ConversationReference is not null;
    }

    public async Task SendAsync(Subscription subscription, CampaignContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var reference = Read(subscription.ConversationReference!);
        if (!serviceUrls.Allows(reference.ServiceUrl))
        {
            var reason = ServiceUrlPolicy.RefusalReason(reference.ServiceUrl);
            // Not a platform answer but a final one: recorded as failed with this text, never retried.
            throw new PlatformRefusedException($"Refused: {reason}.", new PlatformError((int)HttpStatusCode.Forbidden, null, null, "service URL not allowed", Body: $"not sent: {reason}"));
        }

        try
        {
            await adapter.ContinueConversationAsync(
                _appId,
                reference,
                (turn, ct) => turn.SendActivityAsync(BotFrameworkCampaignActivity.Build(content), ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ErrorResponseException ex) when (ex.Response is not null)
        {
            throw new PlatformRefusedException(
                $"The channel answered {(int)ex.Response.StatusCode}.",
                new PlatformError((int)ex.Response.StatusCode, null, null, ex.Body?.Error?.Message ?? ex.Message, RetryAfterOf(ex), Body: ex.Response.Content));
        }
        catch (HttpRequestException ex)
        {
            throw new PlatformRefusedException("The channel did not answer.", TransportFailure.Of(ex));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PlatformRefusedException("The channel timed out.", PlatformError.Timeout() with { Body = ex.Message });
        }
    }

    private static ConversationReference Read(string json)
    {
        try
        {
            return JsonConvert.DeserializeObject<ConversationReference>(json)
                ?? throw new PlatformRefusedException("The stored conversation reference is empty.", Unusable("empty"));
        }
        catch (JsonException ex)
        {
            throw new PlatformRefusedException("The stored conversation reference is not JSON.", Unusable(ex.Message));
        }
    }

    // Not a platform answer but the same outcome: this subscription cannot be reached, never retry.
    private static PlatformError Unusable(string why) => new((int)HttpStatusCode.BadRequest, null, null, $"conversation reference unusable: {why}");

    private static TimeSpan? RetryAfterOf(ErrorResponseException ex) =>
        ex.Response.Headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
}
