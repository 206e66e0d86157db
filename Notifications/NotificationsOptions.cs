using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications;

/// <summary>
/// The <c>Notifications</c> configuration section, bound by the host. Plain settable properties for
/// the binder; <see cref="NotificationsOptionsValidator"/> turns them into validated domain values.
/// </summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary><c>Current</c> (default: the rules Meta applies today) or <c>Launch2022</c>, or a profile defined under <see cref="Profiles"/>.</summary>
    public string Profile { get; set; } = PlatformProfile.CurrentName;

    /// <summary>Overrides per profile name (see <see cref="PlatformProfileOptions"/>).</summary>
    public Dictionary<string, PlatformProfileOptions> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Topics keyed by id.</summary>
    public Dictionary<string, TopicOptions> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reward wording refused in titles and descriptions; absent = <see cref="IncentiveWordList.DefaultWords"/>.</summary>
    public string[]? IncentiveWords { get; set; }

    /// <summary>The business's region code (e.g. <c>CH</c>, <c>DE</c>, <c>UK</c>) for profiles limited to regions.</summary>
    public string? Region { get; set; }

    public OptInPolicyOptions OptIns { get; set; } = new();

    public StopRateOptions StopRate { get; set; } = new();

    public PlatformErrorOptions Errors { get; set; } = new();
}
