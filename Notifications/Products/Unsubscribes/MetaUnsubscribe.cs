namespace ConversationBot.Notifications.Products.Unsubscribes;

/// <summary>
/// One unsubscribe Meta must be told of, kept in the outbox from before the stop is saved until Meta
/// answered it, so neither a failing call nor a crash loses it (docs/marketing-messages.md, "Stop and erasure
/// reach Meta"). The identifier's <see cref="Value"/> (a token or a PSID) is kept only until then: a done
/// unsubscribe keeps its id, so the same stop saved again is not sent again, and nothing that names the person.
/// </summary>
public sealed record MetaUnsubscribe(
    string Id,
    MetaUnsubscribeIdentifier Identifier,
    string? Value,
    string Reason,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? DoneAt,
    string? Outcome)
{
    /// <summary>The longest wait between two attempts: an unsubscribe is retried until Meta takes it, never given up.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);

    public static MetaUnsubscribe Of(string id, MetaUnsubscribeIdentifier identifier, string value, string reason, DateTimeOffset at) =>
        new(id, identifier, value, reason, at, 0, at, null, null, null);

    public bool IsDone => DoneAt is not null;

    public bool IsDueAt(DateTimeOffset now) => !IsDone && NextAttemptAt <= now;

    /// <summary>Meta took it. Meta counts a row it could not use as invalid (a token it no longer knows): also done, said so, as trying again cannot change it.</summary>
    public MetaUnsubscribe Answered(DateTimeOffset at, int invalidRows) =>
        this with
        {
            Value = null,
            Attempts = Attempts + 1,
            DoneAt = at,
            LastError = null,
            Outcome = invalidRows == 0 ? "unsubscribed" : "Meta counted the row as invalid (it knows no such subscriber)",
        };

    /// <summary>No answer, or a refusal: tried again after a wait that doubles from 30 seconds up to <see cref="MaxWait"/>.</summary>
    public MetaUnsubscribe Failed(DateTimeOffset at, string error, TimeSpan? atLeast = null)
    {
        var doubled = TimeSpan.FromTicks(FirstWait.Ticks << Math.Min(Attempts, 10));
        var wait = doubled > MaxWait ? MaxWait : doubled;
        if (atLeast is { } minimum && minimum > wait)
        {
            wait = minimum > MaxWait ? MaxWait : minimum;
        }

        return this with { Attempts = Attempts + 1, NextAttemptAt = at + wait, LastError = error.Length > 500 ? error[..500] : error };
    }
}
