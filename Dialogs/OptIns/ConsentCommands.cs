using ConversationBot.Cards;
using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ConversationBot.Dialogs.OptIns;

/// <summary>
/// What a customer can do about notifications at any point of a conversation, whatever the
/// dialogs are asking: answer an opt-in card ("Allow" / "Not now"), press "Stop" or "Resume" on
/// the notifications card, or type "stop ...". A stop is honoured at once, also while a person has
/// the conversation; afterwards the pending question is asked again. A card answers once: a second
/// Allow, or a Not now after Allow, is told what already holds instead of pretending.
/// </summary>
public sealed class ConsentCommands(ConsentService consent, ISubscriptionStore subscriptions, TopicCatalog topics, IOptInTelemetry telemetry, AnsweredOptInCard answeredCards, TimeProvider time) : IInterruption
{
    public bool HonouredDuringHandoff => true;

    public async Task<InterruptionOutcome?> TryAnswerAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        var texts = dc.Texts;
        var customer = CustomerAddress.Of(activity);
        var reply = CardSubmission.Field(activity, OptInSubmission.Field) switch
        {
            OptInSubmission.Allow => await AllowAsync(dc, customer, CardSubmission.Field(activity, OptInSubmission.TopicField), cancellationToken).ConfigureAwait(false),
            OptInSubmission.Decline => await DeclineAsync(dc, customer, CardSubmission.Field(activity, OptInSubmission.TopicField), cancellationToken).ConfigureAwait(false),
            _ => CardSubmission.Field(activity, NotificationsSubmission.Field) switch
            {
                NotificationsSubmission.Stop => await StopAsync(customer, CardSubmission.Field(activity, NotificationsSubmission.TopicField), texts, cancellationToken).ConfigureAwait(false),
                NotificationsSubmission.Resume => await ResumeAsync(customer, CardSubmission.Field(activity, NotificationsSubmission.TopicField), texts, cancellationToken).ConfigureAwait(false),
                _ => StopCommandRecognizer.Recognize(activity.Text) is { } stop
                    ? await StopTypedAsync(customer, stop, texts, cancellationToken).ConfigureAwait(false)
                    : null,
            },
        };

        return reply is null ? null : InterruptionOutcome.AnswerThenReprompt(reply);
    }

    /// <summary>True for the answer to an opt-in card: accepting an opt-in must not open the messaging window.</summary>
    public static bool IsOptInAnswer(IActivity activity) => CardSubmission.Field(activity, OptInSubmission.Field) is not null;

    private async Task<string> AllowAsync(DialogContext dc, CustomerAddress customer, string? topicId, CancellationToken cancellationToken)
    {
        var texts = dc.Texts;
        if (!topics.TryGet(topicId, out var topic))
        {
            return texts[nameof(DialogStrings.OptIn_NotAvailable)];
        }

        // The card is replaced only once what it says holds: after the consent is stored, never before.
        var title = TitleOf(topic, texts);
        if (await IsActiveAsync(customer, topic.Id, cancellationToken).ConfigureAwait(false))
        {
            await answeredCards.ReplaceAsync(dc.Context, texts.Format(nameof(DialogStrings.OptIn_CardAllowed), title), cancellationToken).ConfigureAwait(false);
            return texts.Format(nameof(DialogStrings.OptIn_AlreadySubscribed), title);
        }

        // Delivery continues this conversation later with the reference as the channel gave it now, and
        // campaigns speak the language this turn speaks (the locale reduced to one the bot knows).
        var reference = JsonConvert.SerializeObject(dc.Context.Activity.GetConversationReference());
        await consent.AllowFromCardAsync(customer.ChannelId, customer.CustomerId, topic.Id, reference, customer.TimeZoneId, time.GetUtcNow(), cancellationToken, dc.Culture.TwoLetterISOLanguageName).ConfigureAwait(false);
        telemetry.OfferAnswered(customer.ChannelId, topic.Id, accepted: true);
        await answeredCards.ReplaceAsync(dc.Context, texts.Format(nameof(DialogStrings.OptIn_CardAllowed), title), cancellationToken).ConfigureAwait(false);
        return texts.Format(nameof(DialogStrings.OptIn_Allowed), title);
    }

    private async Task<string> DeclineAsync(DialogContext dc, CustomerAddress customer, string? topicId, CancellationToken cancellationToken)
    {
        var texts = dc.Texts;
        if (!topics.TryGet(topicId, out var topic))
        {
            return texts[nameof(DialogStrings.OptIn_Declined)];
        }

        var title = TitleOf(topic, texts);
        if (await IsActiveAsync(customer, topic.Id, cancellationToken).ConfigureAwait(false))
        {
            // "Not now" on a card already answered with Allow: the subscription stays, and the customer is
            // told so and how to end it, rather than "I won't ask again" while the updates keep coming.
            await answeredCards.ReplaceAsync(dc.Context, texts.Format(nameof(DialogStrings.OptIn_CardAllowed), title), cancellationToken).ConfigureAwait(false);
            return texts.Format(nameof(DialogStrings.OptIn_DeclinedWhileSubscribed), title);
        }

        await consent.DeclineAsync(customer.ChannelId, customer.CustomerId, topic.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        telemetry.OfferAnswered(customer.ChannelId, topic.Id, accepted: false);
        await answeredCards.ReplaceAsync(dc.Context, texts.Format(nameof(DialogStrings.OptIn_CardDeclined), title), cancellationToken).ConfigureAwait(false);
        return texts[nameof(DialogStrings.OptIn_Declined)];
    }

    private async Task<bool> IsActiveAsync(CustomerAddress customer, string topicId, CancellationToken cancellationToken) =>
        (await subscriptions.ListByCustomerAsync(customer.ChannelId, customer.CustomerId, cancellationToken).ConfigureAwait(false))
            .Any(s => s.TopicId == topicId && s.Status == SubscriptionStatus.Active);

    private async Task<string> StopAsync(CustomerAddress customer, string? topicId, Texts texts, CancellationToken cancellationToken)
    {
        if (topicId is null)
        {
            // A card's stop always names its topic; one that does not must not stop everything.
            return texts[nameof(DialogStrings.OptIn_NotAvailable)];
        }

        var stopped = await consent.StopByCustomerAsync(customer.ChannelId, customer.CustomerId, topicId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return stopped.Count == 0
            ? texts[nameof(DialogStrings.Stop_NothingActive)]
            : texts.Format(nameof(DialogStrings.Stop_Done), topics.TryGet(topicId, out var topic) ? TitleOf(topic, texts) : topicId);
    }

    private async Task<string> ResumeAsync(CustomerAddress customer, string? topicId, Texts texts, CancellationToken cancellationToken)
    {
        if (!topics.TryGet(topicId, out var topic))
        {
            return texts[nameof(DialogStrings.OptIn_NotAvailable)];
        }

        if (customer.IsMessenger)
        {
            // A Messenger token is the person's to turn back on; the bot cannot resume it for them.
            return texts.Format(nameof(DialogStrings.Resume_OnMessenger), TitleOf(topic, texts));
        }

        var resume = ConsentEvent.Resume(customer.CustomerId, time.GetUtcNow(), token: null, topic.MessengerPayload, topic.Title, customer.ChannelId);
        await consent.ApplyAsync(resume, cancellationToken).ConfigureAwait(false);
        return texts.Format(nameof(DialogStrings.Resume_Done), TitleOf(topic, texts));
    }

    private async Task<string> StopTypedAsync(CustomerAddress customer, StopCommand command, Texts texts, CancellationToken cancellationToken)
    {
        var active = (await subscriptions.ListByCustomerAsync(customer.ChannelId, customer.CustomerId, cancellationToken).ConfigureAwait(false))
            .Where(s => s.Status == SubscriptionStatus.Active)
            .ToList();
        if (active.Count == 0)
        {
            return texts[nameof(DialogStrings.Stop_NothingActive)];
        }

        if (command.All)
        {
            await consent.StopByCustomerAsync(customer.ChannelId, customer.CustomerId, null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return texts[nameof(DialogStrings.Stop_All)];
        }

        var choices = active.Select(s => ChoiceFor(s, texts)).DistinctBy(c => c.Value).ToList();
        var chosen = ChoiceRecognizer.Recognize(command.TopicText, choices);
        if (chosen is null)
        {
            return texts.Format(nameof(DialogStrings.Stop_UnknownTopic), string.Join(", ", choices.Select(c => c.Title)));
        }

        return await StopAsync(customer, chosen.Value, texts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A subscription as something a customer may name: its title in every language, or the topic id.</summary>
    private Choice ChoiceFor(Subscription subscription, Texts texts)
    {
        if (!topics.TryGet(subscription.TopicId, out var topic))
        {
            return new Choice(subscription.TopicId, subscription.Title ?? subscription.TopicId, [subscription.TopicId]);
        }

        return new Choice(topic.Id, TitleOf(topic, texts), [.. topic.Texts.Values.Select(t => t.Title), topic.Id.Replace('-', ' ')]);
    }

    private static string TitleOf(Topic topic, Texts texts) => topic.TextFor(texts.Culture.TwoLetterISOLanguageName).Title;
}
