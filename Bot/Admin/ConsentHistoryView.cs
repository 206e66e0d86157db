namespace ConversationBot.Bot.Admin;

/// <summary>One change of a subscription's consent as the API shows it: <c>OptedIn</c>, <c>Stopped</c>, <c>Retired</c>… with when and why.</summary>
public sealed record ConsentHistoryView(string Change, DateTimeOffset At, string? Reason);
