namespace ConversationBot.Notifications.Campaigns;

/// <summary>A rule a request breaks, with the field it concerns, so an API can name it.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field} {Message}";
}
