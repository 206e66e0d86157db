using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>An activity the channel received; <see cref="Id"/> is the id the channel gave it (or, for an update, the id of the message updated).</summary>
public sealed record ReceivedActivity(string ConversationId, string? ReplyToId, Activity Activity, string Authorization)
{
    public string Id { get; init; } = string.Empty;
}
