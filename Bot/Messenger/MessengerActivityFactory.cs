using ConversationBot.Bot.Funnel;
using ConversationBot.Bot.Messenger.Comments;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Turns a Messenger webhook event into the Bot Framework activity the dialogs understand, shaped
/// as Azure Bot Service's Facebook channel shapes it (conversation and sender = the customer's PSID,
/// recipient = the page, the raw event as channelData) but with the channel id "messenger": only
/// this direct webhook has consent tokens, so the platform profile applies to it and not to
/// "facebook" conversations that come through Azure Bot Service. Opt-ins are no turn of the bot
/// (<see cref="MessengerOptIn"/>); echoes of the page's own messages, deliveries, reads, an ad's
/// referral before the person wrote, and anything unknown give null: nothing to answer.
/// </summary>
public static class MessengerActivityFactory
{
    public const string ChannelId = ChannelIds.Messenger;

    public static Activity? ToActivity(MessagingEvent messagingEvent, string? locale)
    {
        var psid = messagingEvent.Sender?.Id;
        if (string.IsNullOrWhiteSpace(psid))
        {
            return null;
        }

        Activity activity;
        if (messagingEvent.Message is { IsEcho: false } message)
        {
            activity = FromMessage(message);
        }
        else if (messagingEvent.Postback is { } postback)
        {
            // A card's submit data comes back as the value; an entry payload (Get Started, a
            // persistent-menu item, an ice breaker: Dialogs/CustomerService/ConversationEntry.cs) too,
            // routed by the payload, never by the title, which Messenger may localize. Any other
            // payload (another tool's constants) is answered by its title, as the customer read it.
            // A new person's Get Started through a link carries the link's ref: that entry, when it is
            // one, wins; a ref that is none gets the ordinary welcome, as does the GET_STARTED payload
            // other tools set.
            var referral = WebhookReferral.Read(postback.Referral);
            activity = new Activity(ActivityTypes.Message)
            {
                Text = postback.Title,
                Value = SubmitData(postback.Payload)
                    ?? EntryData(referral?.Ref)
                    ?? EntryData(postback.Payload)
                    ?? (referral is not null || string.Equals(postback.Payload, ConversationEntry.GetStarted, StringComparison.OrdinalIgnoreCase) ? EntryData(ConversationEntry.GetStarted) : null),
            };
            Source(referral?.Ref, EntryVia.GetStarted)?.WriteTo(activity);
        }
        else if (WebhookReferral.Read(messagingEvent.Referral) is { IsAd: false } referral)
        {
            // An m.me link or QR code opened an existing thread: the window is open (Meta, 2026) and the
            // ref's entry is answered; a ref that is none gets the ordinary welcome, and goes no further
            // than the event as it came (the event log keeps that seven days).
            activity = new Activity(ActivityTypes.Message)
            {
                Value = new JObject { [ConversationEntry.Field] = (ConversationEntry.Parse(referral.Ref) ?? ConversationEntry.Welcome).ToString() },
            };
            Source(referral.Ref, EntryVia.Link)?.WriteTo(activity);
        }
        else
        {
            return null;
        }

        activity.Id = Guid.NewGuid().ToString();
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(id: psid);
        activity.From = new ChannelAccount(psid, role: RoleTypes.User);
        activity.Recipient = new ChannelAccount(messagingEvent.Recipient?.Id ?? string.Empty, role: RoleTypes.Bot);
        activity.Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(messagingEvent.Timestamp);
        activity.Locale = string.IsNullOrWhiteSpace(locale) ? null : locale;
        activity.ChannelData = JObject.Parse(messagingEvent.Raw);
        return activity;
    }

    private static Activity FromMessage(WebhookMessage message)
    {
        // A quick reply whose payload is an entry (the button of a private reply to a comment) starts it.
        var activity = new Activity(ActivityTypes.Message) { Text = QuickReplyText(message) ?? message.Text, Value = EntryData(message.QuickReply?.Payload) };

        // Where the customer came in, for the funnel (docs/funnel.md): the ad they tapped before this
        // message, or the private reply to their comment they are answering.
        var source = WebhookReferral.Read(message.Referral) is { } referral
            ? Source(referral.Ref, EntryVia.Ad)
            : ConversationEntry.Parse(message.QuickReply?.Payload) is { Source: { } label } entry && CommentSource.IsComment(label)
                ? new EntrySource(entry.ToString(), EntryVia.CommentAnswer)
                : null;
        source?.WriteTo(activity);
        var attachments = (message.Attachments ?? [])
            .Where(a => a is not null && !string.IsNullOrWhiteSpace(a.Url))
            .Select(a => new Attachment(ContentTypeOf(a.Type), a.Url))
            .ToList();
        if (attachments.Count > 0)
        {
            activity.Attachments = attachments;
        }

        return activity;
    }

    /// <summary>
    /// Meta sends the quick reply's title as the text. The bot's own quick replies carry the full
    /// answer as payload (titles longer than 20 characters are shortened with "…"), so a shortened
    /// title is replaced by its payload; other payloads (MENU_ORDER_STATUS) leave the title as it is.
    /// </summary>
    private static string? QuickReplyText(WebhookMessage message)
    {
        var payload = message.QuickReply?.Payload;
        var text = message.Text;
        if (string.IsNullOrEmpty(payload) || string.IsNullOrEmpty(text) || !text.EndsWith('…'))
        {
            return null;
        }

        return payload.StartsWith(text[..^1], StringComparison.Ordinal) ? payload : null;
    }

    /// <summary>A postback made from a card's Action.Submit carries the submit data (e.g. {"choice": ...}) as JSON: it becomes the value, as a card submit does elsewhere.</summary>
    private static JObject? SubmitData(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload) || !payload.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JObject.Parse(payload);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }

    /// <summary>A ref that is an entry, as the funnel counts it; anything else is no source.</summary>
    private static EntrySource? Source(string? reference, EntryVia via) =>
        ConversationEntry.Parse(reference) is { } entry ? new EntrySource(entry.ToString(), via) : null;

    /// <summary>An entry payload (Dialogs/CustomerService/ConversationEntry.cs) as the value the dialogs read.</summary>
    private static JObject? EntryData(string? payload) =>
        ConversationEntry.Parse(payload) is null ? null : new JObject { [ConversationEntry.Field] = payload };

    private static string ContentTypeOf(string? type) => type switch
    {
        "image" => "image/*",
        "video" => "video/*",
        "audio" => "audio/*",
        _ => "application/octet-stream",
    };
}
