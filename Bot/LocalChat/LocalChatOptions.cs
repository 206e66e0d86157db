using System.ComponentModel.DataAnnotations;

namespace ConversationBot.Bot.LocalChat;

/// <summary>
/// Limits of the chat page's local Direct Line endpoint (served only in Development, see
/// <see cref="LocalChatEndpoints"/>): it keeps conversations in memory, so it keeps a bounded number.
/// </summary>
public sealed class LocalChatOptions
{
    public const string SectionName = "LocalChat";

    /// <summary>Conversations kept; starting one more forgets the oldest (its page gets 404 and starts over on reload).</summary>
    [Range(1, 10_000)]
    public int MaxConversations { get; init; } = 100;

    /// <summary>Activities kept per conversation, the customer's and the bot's; beyond it a post gets 429.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; init; } = 2_000;
}
