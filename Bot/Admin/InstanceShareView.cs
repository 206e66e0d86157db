namespace ConversationBot.Bot.Admin;

/// <summary>One instance's part in a campaign as the admin API shows it; <c>share</c> is its part of the outcomes recorded in work items (0 to 1).</summary>
public sealed record InstanceShareView(string Instance, long Sent, long Skipped, long Failed, int ItemsDone, bool Working, double Share);
