using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Hosting.Settings;

/// <summary>The hand-off's time-out: positive.</summary>
public sealed class HandoffOptionsValidation() : SettingsValidator<HandoffOptions>(HandoffOptions.SectionName)
{
    protected override IEnumerable<string> Problems(HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Timeout <= TimeSpan.Zero)
        {
            yield return $"{HandoffOptions.SectionName}:{nameof(HandoffOptions.Timeout)} must be positive.";
        }
    }
}
