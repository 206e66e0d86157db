namespace ConversationBot.Bench.Fanout;

internal sealed record SeedResult(int Seeded, double Seconds);
