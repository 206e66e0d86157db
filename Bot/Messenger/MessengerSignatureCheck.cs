namespace ConversationBot.Bot.Messenger;

/// <summary>What the signature check found; only <see cref="Valid"/> lets a webhook body be parsed.</summary>
public enum MessengerSignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Mismatch,
}
