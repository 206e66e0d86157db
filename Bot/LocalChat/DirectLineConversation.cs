using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.LocalChat;

/// <summary>
/// One local Direct Line conversation: every activity in the order it arrived, the customer's and
/// the bot's. The watermark is the count of activities a client has seen, so "activities after
/// watermark N" is the list from index N on, and ids are "&lt;conversation&gt;|&lt;sequence&gt;" as Direct Line writes them.
/// </summary>
public sealed class DirectLineConversation(string id, string userId, string? locale, int capacity)
{
    private readonly List<JObject> _activities = [];
    private readonly Lock _gate = new();
    private int _reserved;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    /// <summary>What the page asked for when it started the conversation (<c>conversationStartProperties.locale</c>).</summary>
    public string? Locale { get; } = locale;

    /// <summary>The id the next activity gets, reserved before the activity is stored (a turn needs it first).</summary>
    public string NextId()
    {
        lock (_gate)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Id}|{_reserved++:D7}");
        }
    }

    /// <summary>Stores an activity as JSON (a snapshot: a turn may still change the object); false when the conversation is full.</summary>
    public bool TryAppend(JObject activity)
    {
        lock (_gate)
        {
            if (_activities.Count >= capacity)
            {
                return false;
            }

            _activities.Add(activity);
            return true;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/> and the watermark to ask with next time.</summary>
    public (IReadOnlyList<JObject> Activities, int Watermark) After(int watermark)
    {
        lock (_gate)
        {
            var from = Math.Min(watermark, _activities.Count);
            return (_activities.GetRange(from, _activities.Count - from), _activities.Count);
        }
    }
}
