namespace ConversationBot.Bench.Turns;

internal sealed record ProactiveResult(long Sent, long Failed, double Seconds, double P50Milliseconds, double P99Milliseconds);
