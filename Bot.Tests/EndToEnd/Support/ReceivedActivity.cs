using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

public sealed record ReceivedActivity(string ConversationId, string? ReplyToId, Activity Activity, string Authorization);
