using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Funnel;

/// <summary>
/// Where the customer of a turn came in from, carried on the activity as a Bot Framework entity
/// (<c>{"type": "entrySource", "entry": "topic_weekly-deals__src_poster", "via": "GetStarted"}</c>): the
/// channel's edge knows it (Bot/Messenger/MessengerActivityFactory.cs), the turn counts it
/// (<see cref="FunnelTurn"/>). Any client can send such an entity: it is untrusted like the ref it
/// carries, and counted only when it names something the bot knows.
/// </summary>
public sealed record EntrySource(string Entry, EntryVia Via)
{
    public const string EntityType = "entrySource";

    public void WriteTo(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Entities ??= [];
        activity.Entities.Add(new Entity(EntityType) { Properties = new JObject { ["entry"] = Entry, ["via"] = Via.ToString() } });
    }

    /// <summary>The activity's entry source; null when it has none or one that is not well formed.</summary>
    public static EntrySource? Of(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var entity = activity.Entities?.FirstOrDefault(e => e?.Type == EntityType);
        return entity?.Properties is { } properties
            && properties["entry"] is JValue { Type: JTokenType.String } entry
            && properties["via"] is JValue { Type: JTokenType.String } via
            && Enum.TryParse<EntryVia>((string?)via, ignoreCase: false, out var how)
            && Enum.IsDefined(how)
            ? new EntrySource((string)entry!, how)
            : null;
    }
}
