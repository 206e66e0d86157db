using ConversationBot.Cards;
using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.Bot.Builder;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// "My notifications": what the customer receives, how often, when the next message may come and
/// when consent expires, with Stop / Resume on each; then, if the opt-in policy allows any, an offer
/// of another topic.
/// </summary>
public sealed class NotificationsDialog : WaterfallDialog
{
    private const string NoThanks = "no-thanks";

    private readonly ISubscriptionStore _subscriptions;
    private readonly TopicCatalog _topics;
    private readonly EligibilityPolicy _eligibility;
    private readonly OptInOfferService _offers;
    private readonly OptInOfferSender _sender;
    private readonly TimeProvider _time;

    public NotificationsDialog(ISubscriptionStore subscriptions, TopicCatalog topics, EligibilityPolicy eligibility, OptInOfferService offers, OptInOfferSender sender, TimeProvider time)
        : base(DialogIds.Notifications)
    {
        _subscriptions = subscriptions;
        _topics = topics;
        _eligibility = eligibility;
        _offers = offers;
        _sender = sender;
        _time = time;
        AddSteps(ShowSubscriptionsAsync, OfferChosenTopicAsync);
    }

    private async Task<DialogTurnResult> ShowSubscriptionsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var customer = CustomerAddress.Of(step.Dialog.Context.Activity);
        var now = _time.GetUtcNow();
        var language = step.Dialog.Culture.TwoLetterISOLanguageName;
        var all = await _subscriptions.ListByCustomerAsync(customer.ChannelId, customer.CustomerId, cancellationToken).ConfigureAwait(false);
        foreach (var lapsed in all.Where(s => s.Status == SubscriptionStatus.Active && s.IsExpiredAt(now)))
        {
            // Marked where it is noticed; a conflict means someone else just changed it, and the
            // list below still leaves it out.
            if (lapsed.Expire(now))
            {
                await _subscriptions.TrySaveAsync(lapsed, cancellationToken).ConfigureAwait(false);
            }
        }

        var current = all.Where(s => s.Status is SubscriptionStatus.Active or SubscriptionStatus.Stopped && !s.IsExpiredAt(now)).ToList();

        if (current.Count == 0)
        {
            await step.SendTextAsync(step.Texts[nameof(DialogStrings.Notifications_None)], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var lines = current.Select(subscription =>
            {
                var topic = _topics.TryGet(subscription.TopicId, out var known) ? known : null;
                var eligibility = _eligibility.Evaluate(subscription, topic, now);
                return new SubscriptionLine(
                    subscription.TopicId,
                    topic?.TextFor(language).Title ?? subscription.Title ?? subscription.TopicId,
                    subscription.Frequency ?? topic?.Frequency ?? Frequency.Weekly,
                    subscription.Status == SubscriptionStatus.Stopped,
                    eligibility.IsEligible ? now : eligibility.NextEligibleAt,
                    subscription.ExpiresAt,
                    subscription.TimeZoneId);
            }).ToList();
            var card = MyNotificationsCard.Build(new MyNotificationsCardModel(lines, now), step.Dialog.Culture);
            await step.Dialog.Context.SendActivityAsync(MessageFactory.Attachment(CardAttachments.FromAdaptiveCard(card)), cancellationToken).ConfigureAwait(false);
        }

        var offerable = new List<Choice>();
        var candidates = _topics.Topics.Where(t => t.Id != Topic.UnknownId).ToList();
        // The list read above, lapsed ones marked: the offers are decided on what the card shows, not on a second read;
        // and on the window this turn proves (the customer asked for the list), not on the store's.
        var decisions = await _offers.DecideManyAsync(
            customer.ChannelId, customer.CustomerId, [.. candidates.Select(t => t.Id)], customer.TimeZoneId, cancellationToken, all, CustomerMessage.WindowOf(step.Dialog.Context.Activity, now))
            .ConfigureAwait(false);
        foreach (var (topic, decision) in candidates.Zip(decisions))
        {
            if (decision.IsAllowed)
            {
                var text = topic.TextFor(language);
                offerable.Add(new Choice(topic.Id, text.ButtonTitle, [.. topic.Texts.Values.SelectMany(t => new[] { t.Title, t.ButtonTitle })]) { Meaning = text.Title });
            }
        }

        if (offerable.Count == 0)
        {
            if (current.Count == 0)
            {
                await step.SendTextAsync(step.Texts[nameof(DialogStrings.Notifications_NothingToOffer)], cancellationToken).ConfigureAwait(false);
            }

            return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
        }

        offerable.Add(new Choice(NoThanks, step.Texts[nameof(DialogStrings.Notifications_NoThanks)], step.Texts.Words(nameof(DialogStrings.Confirm_NoWords))));
        var question = new PromptOptions(step.Texts[nameof(DialogStrings.Notifications_AskAnother)]) { Choices = offerable };
        return await step.PromptAsync(DialogIds.ChoicePrompt, question, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OfferChosenTopicAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptResult<Choice> { Succeeded: true, Value: { } choice } && choice.Value != NoThanks)
        {
            await _sender.TryOfferAsync(step.Dialog.Context, choice.Value, step.Dialog.Culture, cancellationToken).ConfigureAwait(false);
        }

        return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
