using System.Text;

namespace ConversationBot.Bot.Telemetry;

/// <summary>The tag names and outcome values of <see cref="BotTelemetry"/>'s instruments, so that queries and callers spell them one way.</summary>
public static class TelemetryTags
{
    public const string Channel = "channel";
    public const string ActivityType = "activity.type";
    public const string ConversationId = "conversation.id";
    public const string ErrorType = "error.type";
    public const string Outcome = "outcome";
    public const string Reason = "reason";

    /// <summary>The delivery instance (<c>DeliveryInstance</c>): which member of a fleet recorded a delivery; OpenTelemetry's own name for it.</summary>
    public const string Instance = "service.instance.id";
    public const string Topic = "topic";
    public const string Policy = "policy";

    public const string OptInOffered = "offered";
    public const string OptInNotOffered = "not_offered";
    public const string OptInAccepted = "accepted";
    public const string OptInDeclined = "declined";

    public const string DeliverySent = "sent";
    public const string DeliverySkipped = "skipped";
    public const string DeliveryFailed = "failed";

    /// <summary>A domain reason as a tag value: WindowClosed -> window_closed, TooSoonForToken -> too_soon_for_token.</summary>
    public static string ReasonOf(Enum reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return ReasonOf(reason.ToString());
    }

    /// <summary>A domain reason code (an enum name or a constant such as DeliveryReasons.RetriesExhausted) as a tag value.</summary>
    public static string ReasonOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
