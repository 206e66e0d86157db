using System.Diagnostics.CodeAnalysis;

namespace ConversationBot.Notifications.Topics;

/// <summary>The platform's spelling of <see cref="CallToAction"/> values (docs/messenger-platform.md §2).</summary>
public static class CallToActionSpelling
{
    public static string ToPlatformValue(this CallToAction callToAction) => callToAction switch
    {
        CallToAction.Allow => "ALLOW",
        CallToAction.Get => "GET",
        CallToAction.GetUpdates => "GET_UPDATES",
        CallToAction.OptIn => "OPT_IN",
        CallToAction.SignUp => "SIGN_UP",
        _ => throw new ArgumentOutOfRangeException(nameof(callToAction), callToAction, "Unknown call to action."),
    };

    /// <summary>Accepts the platform spelling (<c>GET_UPDATES</c>) or the enum name (<c>GetUpdates</c>), any case.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CallToAction? callToAction)
    {
        callToAction = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var value in Enum.GetValues<CallToAction>())
        {
            if (string.Equals(value.ToString(), normalized, StringComparison.OrdinalIgnoreCase))
            {
                callToAction = value;
                return true;
            }
        }

        return false;
    }
}
