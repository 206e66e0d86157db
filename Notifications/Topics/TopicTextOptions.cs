namespace ConversationBot.Notifications.Topics;

/// <summary>Bound from <c>Notifications:Topics:&lt;id&gt;:Texts:&lt;language&gt;</c>.</summary>
public sealed class TopicTextOptions
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The topic's name on buttons (at most 20 characters); optional when <see cref="Title"/> is that short.</summary>
    public string? ShortTitle { get; set; }
}
