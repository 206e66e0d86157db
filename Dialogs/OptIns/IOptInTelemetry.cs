using ConversationBot.Notifications.OptIns;

namespace ConversationBot.Dialogs.OptIns;

/// <summary>
/// What became of opt-in offers, for operators: offered or not and why, accepted, declined. The host
/// turns it into metrics; a port here keeps the conversation free of telemetry packages.
/// </summary>
public interface IOptInTelemetry
{
    /// <summary>The policy's (or the platform's) answer for a topic the conversation wanted to offer.</summary>
    void OfferDecided(string channelId, string topicId, OptInDecision decision);

    /// <summary>The customer's answer: Allow on a card, a Messenger opt-in, or Not now.</summary>
    void OfferAnswered(string channelId, string topicId, bool accepted);
}
