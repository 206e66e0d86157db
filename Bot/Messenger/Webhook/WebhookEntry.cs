using System.Text.Json;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>
/// One page's events in a webhook POST. The events stay JSON here: each is read on its own and
/// keeps its raw form, which becomes the activity's channelData (as Azure Bot Service does).
/// </summary>
public sealed record WebhookEntry
{
    public string? Id { get; init; }

    public long Time { get; init; }

    public IReadOnlyList<JsonElement>? Messaging { get; init; }

    /// <summary>Events for a thread another app holds (Messenger's handover protocol: the Page Inbox has the customer).</summary>
    public IReadOnlyList<JsonElement>? Standby { get; init; }

    /// <summary>Page changes (<c>{"field":"feed","value":{...}}</c>): a comment on the Page's posts, among others.</summary>
    public IReadOnlyList<JsonElement>? Changes { get; init; }
}
