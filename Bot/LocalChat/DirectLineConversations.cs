using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.LocalChat;

/// <summary>The local Direct Line's conversations, in memory and bounded (<see cref="LocalChatOptions.MaxConversations"/>): a development tool, not a channel.</summary>
public sealed class DirectLineConversations(IOptions<LocalChatOptions> options)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _started = new();

    public DirectLineConversation Start(string userId, string? locale)
    {
        var conversation = new DirectLineConversation(Guid.NewGuid().ToString("N"), userId, locale, options.Value.MaxActivitiesPerConversation);
        _byId[conversation.Id] = conversation;
        _started.Enqueue(conversation.Id);
        while (_byId.Count > options.Value.MaxConversations && _started.TryDequeue(out var oldest))
        {
            _byId.TryRemove(oldest, out _);
        }

        return conversation;
    }

    public DirectLineConversation? Find(string conversationId) => _byId.GetValueOrDefault(conversationId);
}
