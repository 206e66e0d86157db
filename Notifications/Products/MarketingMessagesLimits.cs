using ConversationBot.Notifications.Profiles;

namespace ConversationBot.Notifications.Products;

/// <summary>Meta's fixed limits on Marketing Messages (docs/marketing-messages.md §3).</summary>
public static class MarketingMessagesLimits
{
    /// <summary>One message per token per 12 hours (since 2025-08-11); earlier sends are refused with 2300035.</summary>
    public static PerTokenSendRule PerTokenRule { get; } = PerTokenSendRule.Rolling(TimeSpan.FromHours(12));

    /// <summary>A text message's maximum length.</summary>
    public const int MaxTextLength = 640;

    /// <summary>Buttons per template or card.</summary>
    public const int MaxButtons = 3;

    /// <summary>How long a new Meta campaign warms up before it accepts sends (since 2026-05-05).</summary>
    public static TimeSpan WarmUp { get; } = TimeSpan.FromHours(1);
}
