namespace ConversationBot.Bot.Admin;

public sealed record ScheduleView(string Id, string Topic, string Cron, string TimeZone, DateTimeOffset? NextFiring);
