using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications;

/// <summary>
/// Start-up validation of <see cref="NotificationsOptions"/>: every problem, each naming its setting,
/// so the host can refuse to start with one complete message (wire it into <c>ValidateOnStart</c>).
/// </summary>
public static class NotificationsOptionsValidator
{
    public static IReadOnlyList<string> Validate(NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        // The topic rules name keys within the topics (Topics:weekly-deals:Title); here they get their section.
        problems.AddRange(TopicValidator.Validate(options.Topics, IncentiveWordList.From(options.IncentiveWords)).Select(p => $"{NotificationsOptions.SectionName}:{p}"));
        try
        {
            PlatformProfile.Resolve(options.Profile, options.Profiles);
        }
        catch (InvalidOperationException e)
        {
            problems.Add(e.Message);
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message);
        }

        problems.AddRange(options.OptIns.Problems("Notifications:OptIns"));
        problems.AddRange(options.StopRate.Problems("Notifications:StopRate"));
        problems.AddRange(options.Errors.Problems("Notifications:Errors"));
        return problems;
    }
}
