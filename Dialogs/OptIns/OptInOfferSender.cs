using ConversationBot.Notifications.Activity;
using System.Globalization;
using ConversationBot.Cards;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Topics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Dialogs.OptIns;

/// <summary>
/// Offers a topic's updates when the opt-in policy allows it, and only then: Messenger gets the
/// native notification_messages template (carried in the activity's channel data, with the fields
/// the platform profile allows), every other channel an Adaptive Card with the same title, image
/// and promise. What was offered is recorded, so the same title is not asked again too soon; a
/// request the platform refuses is classified and recorded for what it means (docs/messenger-platform.md §5).
/// </summary>
public sealed class OptInOfferSender(
    OptInOfferService offers, EntryFunnel funnel, TopicActivity activity, TopicCatalog topics, PlatformProfile profile, PlatformErrorClassifier classifier, IOptInTelemetry telemetry, TimeProvider time)
{
    public async Task<OptInDecision> TryOfferAsync(ITurnContext turnContext, string? topicId, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(topicId))
        {
            // No topic configured for this moment: nothing was meant to be offered, so nothing is counted.
            return OptInDecision.Deny(OptInDenialReason.TopicUnknown);
        }

        var customer = CustomerAddress.Of(turnContext.Activity);
        if (!topics.TryGet(topicId, out var topic))
        {
            return Decided(customer, topicId, OptInDecision.Deny(OptInDenialReason.TopicUnknown));
        }

        // The customer wrote in this turn (the order number, say): the window is open, and the store need not say so.
        var decision = await offers.DecideAsync(
            customer.ChannelId, customer.CustomerId, topic.Id, customer.TimeZoneId, cancellationToken, CustomerMessage.WindowOf(turnContext.Activity, time.GetUtcNow())).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            return Decided(customer, topic.Id, decision);
        }

        var text = topic.TextFor(culture.TwoLetterISOLanguageName);
        try
        {
            await turnContext.SendActivityAsync(BuildOffer(topic, text, customer, culture), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformRefusedException platformRefused)
        {
            // The customer's answer stands without the offer; what the refusal means is recorded.
            var refusal = classifier.Classify(platformRefused.Error, time.GetUtcNow());
            var refused = await offers.RecordRefusalAsync(customer.ChannelId, customer.CustomerId, topic.Id, text.Title, refusal, cancellationToken).ConfigureAwait(false);
            return Decided(customer, topic.Id, refused);
        }

        await offers.RecordOfferedAsync(customer.ChannelId, customer.CustomerId, topic.Id, text.Title, cancellationToken).ConfigureAwait(false);
        await funnel.OfferShownAsync(customer.ChannelId, customer.CustomerId, cancellationToken).ConfigureAwait(false);
        await activity.OfferedAsync(topic.Id, cancellationToken).ConfigureAwait(false);
        return Decided(customer, topic.Id, decision);
    }

    private OptInDecision Decided(CustomerAddress customer, string topicId, OptInDecision decision)
    {
        telemetry.OfferDecided(customer.ChannelId, topicId, decision);
        return decision;
    }

    private IMessageActivity BuildOffer(Topic topic, TopicText text, CustomerAddress customer, CultureInfo culture)
    {
        if (customer.IsMessenger)
        {
            var reply = MessageFactory.Text(null);
            reply.ChannelData = JObject.Parse(MessengerOptInTemplate.Build(topic, profile, customer.TimeZoneId, culture).ToJsonString());
            return reply;
        }

        var card = OptInOfferCard.Build(new OptInOfferCardModel(topic.Id, text.Title, text.Description, topic.ImageUrl, topic.Frequency), culture);
        return MessageFactory.Attachment(CardAttachments.FromAdaptiveCard(card));
    }
}
