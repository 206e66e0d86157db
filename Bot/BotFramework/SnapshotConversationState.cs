using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// <see cref="ConversationState"/> that converts a conversation's state to JSON once per save. The
/// stock <see cref="BotState"/> detects changes by serializing the whole state to a string when it
/// loads it, again before saving and again after saving, and the storage serializes it twice more;
/// with the dialog stack's prompts in it, that was a fifth of a turn's CPU. Here the state as
/// loaded is kept as the storage returned it, the state to save is converted once, compared with
/// it, and that same JSON goes to the storage. Same contract: nothing is written when nothing
/// changed, unless forced; a cleared state is written by the stock code path.
/// <para>
/// <paramref name="rideAlong"/> names properties that are kept when the state is written but never
/// cause a write themselves: a change to them alone leaves the stored state as it was. The window
/// stamp's time is one (Bot/Conversation/WindowStamp.cs): writing the whole state once a minute
/// just to move it cost more than the window's own write (docs/cost.md).
/// </para>
/// </summary>
public sealed class SnapshotConversationState(IStorage storage, IReadOnlyCollection<string>? rideAlong = null) : ConversationState(storage)
{
    /// <summary>The key under which <see cref="BotState"/> keeps a ConversationState's cached state in the turn (its constructor passes this name).</summary>
    private const string TurnStateKey = nameof(ConversationState);

    /// <summary>The stock hash's settings (JsonConvert defaults without a depth limit), so what is stored does not change.</summary>
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { MaxDepth = null });

    private readonly IStorage _storage = storage;

    private readonly HashSet<string> _rideAlong = [.. rideAlong ?? []];

    public override async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && GetCachedState(turnContext)?.State is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        items.TryGetValue(key, out var stored);
        turnContext.TurnState[TurnStateKey] = stored switch
        {
            null => new LoadedState(new Dictionary<string, object>(), []),
            JObject json => new LoadedState(Properties(json), json),

            // A storage that returns typed objects (MemoryStorage keeps type names).
            IDictionary<string, object> state => new LoadedState(state, JObject.FromObject(state, Serializer)),
            _ => throw new InvalidOperationException("Data is not in the correct format for BotState."),
        };
    }

    public override async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (GetCachedState(turnContext) is not LoadedState loaded)
        {
            // Not loaded here: nothing to save, or ClearStateAsync replaced it with a state the stock code marks as changed.
            await base.SaveChangesAsync(turnContext, force, cancellationToken).ConfigureAwait(false);
            return;
        }

        var current = JObject.FromObject(loaded.State, Serializer);
        if (!force && (JToken.DeepEquals(current, loaded.Stored) || SameApartFromRideAlong(current, loaded.Stored)))
        {
            return;
        }

        await _storage.WriteAsync(new Dictionary<string, object> { [GetStorageKey(turnContext)] = current }, cancellationToken).ConfigureAwait(false);
        loaded.Stored = current;
    }

    private bool SameApartFromRideAlong(JObject current, JObject stored)
    {
        if (_rideAlong.Count == 0)
        {
            return false;
        }

        var counted = 0;
        foreach (var (name, value) in current)
        {
            if (_rideAlong.Contains(name))
            {
                continue;
            }

            if (!stored.TryGetValue(name, StringComparison.Ordinal, out var was) || !JToken.DeepEquals(value, was))
            {
                return false;
            }

            counted++;
        }

        return counted == stored.Properties().Count(p => !_rideAlong.Contains(p.Name));
    }

    /// <summary>The properties as the stock load makes them (objects and arrays as JSON, values as .NET values), without copying the tree.</summary>
    private static Dictionary<string, object> Properties(JObject json)
    {
        var state = new Dictionary<string, object>(json.Count);
        foreach (var (name, value) in json)
        {
            state[name] = value is JValue plain ? plain.Value! : value!;
        }

        return state;
    }

    /// <summary>The turn's state and the JSON it was loaded from (or last saved as).</summary>
    private sealed class LoadedState : CachedBotState
    {
        public LoadedState(IDictionary<string, object> state, JObject stored)
        {
            // The base constructor hashes what it is given: give it nothing, then the state.
            State = state;
            Stored = stored;
        }

        public JObject Stored { get; set; }
    }
}
