namespace ConversationBot.Notifications.StopRate;

/// <summary>Opt-ins and stops of one topic within the guard's window.</summary>
public readonly record struct StopRateCounts(int OptIns, int Stops);
