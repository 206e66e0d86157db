namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// What a person sees before they write: the Page's Get Started button, greeting, ice breakers and
/// persistent menu, per Messenger locale (<c>default</c> plus e.g. <c>de_DE</c>), as configuration
/// with the shop's own texts. Payloads are entries (Dialogs/CustomerService/ConversationEntry.cs:
/// <c>get_started</c>, <c>dialog_returns</c>, <c>topic_weekly-deals</c>). Applied to the Page only on
/// request (<see cref="MessengerProfileService"/>), never at start-up: Meta allows 10 profile calls per
/// 10 minutes per Page (docs/messenger-platform.md §9). Nothing configured: nothing is managed.
/// </summary>
public sealed class MessengerProfileOptions
{
    public const string SectionName = "Messenger:Profile";

    /// <summary>The Get Started button's payload (<c>get_started</c>); required by a persistent menu.</summary>
    public string? GetStarted { get; init; }

    /// <summary>The welcome screen's text per locale, at most 160 characters; <c>{{user_first_name}}</c> and the like are Meta's placeholders.</summary>
    public Dictionary<string, string> Greeting { get; init; } = [];

    /// <summary>At most four questions per locale on the welcome screen; they take the place of the Get Started button there.</summary>
    public Dictionary<string, List<ProfileIceBreaker>> IceBreakers { get; init; } = [];

    /// <summary>At most 20 items per locale (Meta recommends 5); each a postback with an entry or a link.</summary>
    public Dictionary<string, List<ProfileMenuItem>> PersistentMenu { get; init; } = [];

    public bool IsEmpty => GetStarted is null && Greeting.Count == 0 && IceBreakers.Count == 0 && PersistentMenu.Count == 0;
}
