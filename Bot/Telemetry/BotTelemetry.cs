using System.Diagnostics;
using System.Diagnostics.Metrics;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Notifications.OptIns;

namespace ConversationBot.Bot.Telemetry;

/// <summary>
/// The bot's own traces and metrics, under one name (<see cref="Name"/>) that the exporters subscribe
/// to: turns, opt-in offers and deliveries, each with the outcome and the reason as tags. Tags carry
/// channels, topic ids and reasons only: never a customer id or anything a customer wrote, because
/// metric tags are aggregated and kept.
/// </summary>
public sealed class BotTelemetry : IOptInTelemetry, IDisposable
{
    public const string Name = "ConversationBot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _optInOffers;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _setAside;
    private readonly Counter<long> _rateLimited;

    public BotTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(Name);
        ActivitySource = new ActivitySource(Name);
        _turns = Meter.CreateCounter<long>("conversationbot.turns", "{turn}", "Turns the bot ran, by channel and activity type; error.type is set when a turn threw.");
        _turnDuration = Meter.CreateHistogram<double>("conversationbot.turn.duration", "s", "How long a turn took, from the activity to the last reply.");
        _optInOffers = Meter.CreateCounter<long>("conversationbot.optin.offers", "{offer}", "Opt-in offers: offered, not_offered (with the reason), accepted, declined.");
        _deliveries = Meter.CreateCounter<long>("conversationbot.deliveries", "{delivery}", "Notification deliveries: sent, skipped or failed, with the reason.");
        _rateLimited = Meter.CreateCounter<long>("conversationbot.rate_limited", "{request}", "Requests refused with 429 by a rate limit: channels (per-address flood limit) or failed_credentials.");
        _setAside = Meter.CreateCounter<long>("conversationbot.messenger.set_aside", "{event}", "Messenger webhook events set aside instead of run: unreadable, or their turn failed for good.");
    }

    /// <summary>A webhook event set aside; <paramref name="reason"/> is <c>unreadable</c> or <c>turn_failed</c>, never an error message.</summary>
    public void RecordSetAside(string reason) => _setAside.Add(1, new TagList { { TelemetryTags.Reason, reason } });

    /// <summary>A request refused with 429; <paramref name="policy"/> is <c>channels</c> or <c>failed_credentials</c>. No address: tags are kept and aggregated.</summary>
    public void RecordRateLimited(string policy) => _rateLimited.Add(1, new TagList { { TelemetryTags.Policy, policy } });

    internal Meter Meter { get; }

    public ActivitySource ActivitySource { get; }

    /// <summary>A span around one turn; null when nobody listens. Ids only: the conversation id identifies a chat, not a person's words.</summary>
    public Activity? StartTurn(string channel, string activityType, string? conversationId)
    {
        var activity = ActivitySource.StartActivity("bot.turn", ActivityKind.Internal);
        activity?.SetTag(TelemetryTags.Channel, channel);
        activity?.SetTag(TelemetryTags.ActivityType, activityType);
        activity?.SetTag(TelemetryTags.ConversationId, conversationId);
        return activity;
    }

    /// <param name="errorType">The exception's type name when the turn threw; null when it succeeded.</param>
    public void RecordTurn(string channel, string activityType, TimeSpan duration, string? errorType)
    {
        var tags = new TagList
        {
            { TelemetryTags.Channel, channel },
            { TelemetryTags.ActivityType, activityType },
        };
        if (errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, errorType);
        }

        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    /// <param name="outcome">One of <see cref="TelemetryTags.OptInOffered"/>, <see cref="TelemetryTags.OptInNotOffered"/>, <see cref="TelemetryTags.OptInAccepted"/>, <see cref="TelemetryTags.OptInDeclined"/>.</param>
    /// <param name="reason">Why not offered (snake_case); null otherwise.</param>
    public void RecordOptInOffer(string outcome, string? reason, string channel, string? topicId)
    {
        var tags = new TagList
        {
            { TelemetryTags.Outcome, outcome },
            { TelemetryTags.Channel, channel },
        };
        if (reason is not null)
        {
            tags.Add(TelemetryTags.Reason, reason);
        }

        if (topicId is not null)
        {
            tags.Add(TelemetryTags.Topic, topicId);
        }

        _optInOffers.Add(1, tags);
    }

    /// <summary>One notification delivery attempt's result; the delivery service calls it once per recipient and attempt.</summary>
    /// <param name="outcome">One of <see cref="TelemetryTags.DeliverySent"/>, <see cref="TelemetryTags.DeliverySkipped"/>, <see cref="TelemetryTags.DeliveryFailed"/>.</param>
    /// <param name="reason">Why skipped or failed, a fixed word and never an error message (<see cref="TelemetryTags.ReasonOf"/> of the domain's reason, e.g. too_soon_for_token); null when sent.</param>
    public void RecordDelivery(string outcome, string? reason, string channel, string? instance = null)
    {
        var tags = new TagList
        {
            { TelemetryTags.Outcome, outcome },
            { TelemetryTags.Channel, channel },
        };
        if (instance is not null)
        {
            tags.Add(TelemetryTags.Instance, instance);
        }

        if (reason is not null)
        {
            tags.Add(TelemetryTags.Reason, reason);
        }

        _deliveries.Add(1, tags);
    }

    void IOptInTelemetry.OfferDecided(string channelId, string topicId, OptInDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.IsAllowed)
        {
            // A request to continue (Launch2022's re-opt-in near expiry) is told apart from a first one.
            RecordOptInOffer(TelemetryTags.OptInOffered, decision.Kind == OptInOfferKind.ReOptIn ? TelemetryTags.ReasonOf(OptInOfferKind.ReOptIn) : null, channelId, topicId);
        }
        else
        {
            RecordOptInOffer(TelemetryTags.OptInNotOffered, decision.Reason is { } reason ? TelemetryTags.ReasonOf(reason) : "unknown", channelId, topicId);
        }
    }

    void IOptInTelemetry.OfferAnswered(string channelId, string topicId, bool accepted) =>
        RecordOptInOffer(accepted ? TelemetryTags.OptInAccepted : TelemetryTags.OptInDeclined, null, channelId, topicId);

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
