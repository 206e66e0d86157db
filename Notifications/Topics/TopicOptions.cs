namespace ConversationBot.Notifications.Topics;

/// <summary>
/// One topic as configured under <c>Notifications:Topics:&lt;id&gt;</c>; the key is the topic id.
/// Plain settable properties because the host binds configuration onto it; <see cref="TopicCatalog"/>
/// turns it into an immutable, validated <see cref="Topic"/>.
/// </summary>
public sealed class TopicOptions
{
    /// <summary>The default language's title (en); at most 65 characters (docs/messenger-platform.md §2).</summary>
    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The default language's name on buttons and quick replies; at most 20 characters.</summary>
    public string? ShortTitle { get; set; }

    public string? ImageUrl { get; set; }

    /// <summary><c>Daily</c>, <c>Weekly</c> or <c>Monthly</c>.</summary>
    public string? Frequency { get; set; }

    /// <summary>Defaults to <c>topic:&lt;id&gt;</c>.</summary>
    public string? MessengerPayload { get; set; }

    /// <summary><c>ALLOW</c>, <c>GET</c>, <c>GET_UPDATES</c> (default), <c>OPT_IN</c>, <c>SIGN_UP</c>.</summary>
    public string? CallToAction { get; set; }

    /// <summary>Texts per language (<c>en</c>, <c>de</c>); <c>en</c> defaults to <see cref="Title"/> and <see cref="Description"/>.</summary>
    public Dictionary<string, TopicTextOptions> Texts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
