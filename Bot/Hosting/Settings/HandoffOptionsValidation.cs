using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Hosting.Settings;

/// <summary>The hand-off's time-out: positive; the transcripts' retention: one day to the longest time to live Cosmos DB takes.</summary>
public sealed class HandoffOptionsValidation() : SettingsValidator<HandoffOptions>(HandoffOptions.SectionName)
{
    private static readonly TimeSpan LongestRetention = TimeSpan.FromDays(24855);

    protected override IEnumerable<string> Problems(HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Timeout <= TimeSpan.Zero)
        {
            yield return $"{HandoffOptions.SectionName}:{nameof(HandoffOptions.Timeout)} must be positive.";
        }

        if (options.TranscriptRetention < TimeSpan.FromDays(1) || options.TranscriptRetention > LongestRetention)
        {
            yield return $"{HandoffOptions.SectionName}:{nameof(HandoffOptions.TranscriptRetention)} must be between 1 and 24,855 days.";
        }

        if (options.UnansweredAfter <= TimeSpan.Zero)
        {
            yield return $"{HandoffOptions.SectionName}:{nameof(HandoffOptions.UnansweredAfter)} must be positive.";
        }

        if (string.IsNullOrEmpty(options.PageInboxAppId) || options.PageInboxAppId.Length > 64 || !options.PageInboxAppId.All(char.IsAsciiDigit))
        {
            yield return $"{HandoffOptions.SectionName}:{nameof(HandoffOptions.PageInboxAppId)} must be an app id (digits).";
        }
    }
}
