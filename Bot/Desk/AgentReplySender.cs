using System.Net;
using System.Text.Json.Nodes;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Security;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Window;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace ConversationBot.Bot.Desk;

/// <summary>
/// A person's message to a handed-off customer (an agent's reply, the bot's "I'm back" on close), by
/// the channel's rules (<see cref="AgentReplyRule"/>): on Messenger the Send API as a RESPONSE or with the
/// HUMAN_AGENT tag, or nothing with the reason; on a Bot Framework channel a proactive message through
/// the shared adapter with the conversation reference the hand-off kept (connectors reused,
/// Bot/BotFramework/ConnectorClientCache.cs). A failure is classified by the one classifier
/// (Notifications/Errors/PlatformErrorClassifier.cs) and handed back, never retried here: a reply that may
/// have arrived is not sent again, and the agent decides about the others.
/// </summary>
public sealed class AgentReplySender(
    IMessagingWindowStore windows,
    MessengerSendClient messenger,
    IOptions<MessengerOptions> messengerOptions,
    BotCloudAdapter adapter,
    IConfiguration configuration,
    ServiceUrlPolicy serviceUrls,
    PlatformErrorClassifier classifier,
    HandoffOptions handoffOptions,
    TimeProvider time)
{
    // The bot's own app id: empty for the Emulator without authentication.
    private readonly string _appId = configuration["MicrosoftAppId"] ?? string.Empty;

    /// <summary>Whether, and how, a reply may go to the customer now (the desk disables its reply box with the reason).</summary>
    public async Task<AgentReplyPermission> PermissionAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        if (handoff.ChannelId != MessengerActivityFactory.ChannelId)
        {
            return handoff.ConversationReference is null
                ? new(AgentReplyKind.Refused, "this hand-off was opened before the desk existed and has no conversation to reply into")
                : serviceUrls.Allows(ReferenceOf(handoff)?.ServiceUrl)
                    ? AgentReplyRule.Anytime
                    : new(AgentReplyKind.Refused, ServiceUrlPolicy.RefusalReason(ReferenceOf(handoff)?.ServiceUrl));
        }

        if (!messengerOptions.Value.IsEnabled)
        {
            return new(AgentReplyKind.Refused, "the Messenger channel is off on this bot");
        }

        if (handoffOptions.Messenger == MessengerHandoffDesk.PageInbox)
        {
            return new(AgentReplyKind.Refused, "Messenger hand-offs are answered in Meta's Page Inbox (Handoff:Messenger), which holds the thread");
        }

        var window = await windows.GetAsync(handoff.ChannelId, handoff.CustomerId, cancellationToken).ConfigureAwait(false);
        return AgentReplyRule.ForMessenger(window, time.GetUtcNow(), messengerOptions.Value.HumanAgentTag);
    }

    public async Task<AgentReplyResult> SendAsync(Handoff handoff, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var permission = await PermissionAsync(handoff, cancellationToken).ConfigureAwait(false);
        return permission.Allowed ? await DeliverClassifiedAsync(handoff, text, permission, cancellationToken).ConfigureAwait(false) : AgentReplyResult.Refused(permission);
    }

    /// <summary>
    /// The bot's own message when a hand-off is closed ("I'm back"): the HUMAN_AGENT tag is for a person's
    /// words only, so on Messenger only inside the 24-hour window; with the Page Inbox as the desk the bot
    /// first takes the thread back, or it could not write (<paramref name="takeThreadBack"/> false: the
    /// caller has taken it already, Bot/Messenger/Handover/PageInboxTimeouts.cs).
    /// </summary>
    public async Task<AgentReplyResult> SendAsBotAsync(Handoff handoff, string text, CancellationToken cancellationToken, bool takeThreadBack = true)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (handoff.ChannelId != MessengerActivityFactory.ChannelId)
        {
            var permission = await PermissionAsync(handoff, cancellationToken).ConfigureAwait(false);
            return permission.Allowed ? await DeliverClassifiedAsync(handoff, text, permission, cancellationToken).ConfigureAwait(false) : AgentReplyResult.Refused(permission);
        }

        if (!messengerOptions.Value.IsEnabled)
        {
            return AgentReplyResult.Refused(new(AgentReplyKind.Refused, "the Messenger channel is off on this bot"));
        }

        var window = await windows.GetAsync(handoff.ChannelId, handoff.CustomerId, cancellationToken).ConfigureAwait(false);
        if (!window.IsOpenAt(time.GetUtcNow()))
        {
            return AgentReplyResult.Refused(new(AgentReplyKind.Refused, "more than 24 hours since the customer's last message; the bot may not write (the HUMAN_AGENT tag is for a person's words)"));
        }

        var response = new AgentReplyPermission(AgentReplyKind.Response, "within 24 hours of the customer's last message", window.ClosesAt);
        try
        {
            if (takeThreadBack && handoffOptions.Messenger == MessengerHandoffDesk.PageInbox)
            {
                await messenger.TakeThreadControlAsync(handoff.CustomerId, "closed at the desk", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PlatformRefusedException refused)
        {
            return new AgentReplyResult(response, classifier.Classify(refused.Error, time.GetUtcNow()));
        }

        return await DeliverClassifiedAsync(handoff, text, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AgentReplyResult> DeliverClassifiedAsync(Handoff handoff, string text, AgentReplyPermission permission, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(handoff, text, permission, cancellationToken).ConfigureAwait(false);
            return new AgentReplyResult(permission, null);
        }
        catch (PlatformRefusedException refused)
        {
            return new AgentReplyResult(permission, classifier.Classify(refused.Error, time.GetUtcNow()));
        }
        catch (ErrorResponseException ex) when (ex.Response is not null)
        {
            var error = new PlatformError((int)ex.Response.StatusCode, null, null, ex.Body?.Error?.Message ?? ex.Message, Body: ex.Response.Content);
            return new AgentReplyResult(permission, classifier.Classify(error, time.GetUtcNow()));
        }
        catch (HttpRequestException ex)
        {
            return new AgentReplyResult(permission, classifier.Classify(TransportFailure.Of(ex), time.GetUtcNow()));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new AgentReplyResult(permission, classifier.Classify(PlatformError.Timeout() with { Body = ex.Message }, time.GetUtcNow()));
        }
    }

    private async Task DeliverAsync(Handoff handoff, string text, AgentReplyPermission permission, CancellationToken cancellationToken)
    {
        if (handoff.ChannelId == MessengerActivityFactory.ChannelId)
        {
            var message = new JsonObject { ["text"] = text };
            _ = permission.Kind == AgentReplyKind.HumanAgentTag
                ? await messenger.SendHumanAgentAsync(handoff.CustomerId, message, cancellationToken).ConfigureAwait(false)
                : await messenger.SendResponseAsync(handoff.CustomerId, message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var reference = ReferenceOf(handoff) ?? throw new PlatformRefusedException(
            "The stored conversation reference is unusable.", new PlatformError((int)HttpStatusCode.BadRequest, null, null, "conversation reference unusable"));
        await adapter.ContinueConversationAsync(
            _appId,
            reference,
            (turn, ct) => turn.SendActivityAsync(MessageFactory.Text(text), ct),
            cancellationToken).ConfigureAwait(false);
    }

    private static ConversationReference? ReferenceOf(Handoff handoff)
    {
        try
        {
            return handoff.ConversationReference is { } json ? JsonConvert.DeserializeObject<ConversationReference>(json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
