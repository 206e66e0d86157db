using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ConversationBot.Bot.Storage;

/// <summary>
/// What this instance remembers to save a read or a write (a version and its ETag, where a document lives, when a
/// window was stamped): a saving, never state, since the store stays the truth and whatever is forgotten costs one
/// read again. Bounded: past <c>capacity</c> entries everything is forgotten at once, which is cheaper than keeping
/// ages and matters only for an instance that has served that many customers.
/// </summary>
public sealed class RememberedValues<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value) => _values.TryGetValue(key, out value);

    /// <summary>Removes and returns the value: for what may be used once (a version written on changes it).</summary>
    public bool TryTake(TKey key, [MaybeNullWhen(false)] out TValue value) => _values.TryRemove(key, out value);

    public void Forget(TKey key) => _values.TryRemove(key, out _);

    public void Remember(TKey key, TValue value)
    {
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }

        _values[key] = value;
    }
}
