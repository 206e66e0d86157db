namespace ConversationBot.Bench.Fanout;

/// <summary>What one instance of a fleet reports: its id and the CPU its process used while the campaign ran.</summary>
internal sealed record FleetInstanceResult(string InstanceId, double CpuSeconds);
