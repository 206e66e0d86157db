namespace ConversationBot.Bot.Admin;

/// <summary>A problem body for refusals that are not about a field.</summary>
public sealed record ProblemDetailsView(string Title, string Detail);
