namespace ConversationBot.Bot.Admin;

public sealed record TopicView(string Id, string Title, string Frequency, long ActiveSubscribers, StopRateView StopRate);
