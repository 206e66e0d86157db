using ConversationBot.Notifications;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Topics;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Notifications;

/// <summary>
/// Stops the host at start-up when the notification settings are wrong: every problem the domain
/// finds (each naming its setting), an unknown profile, an invalid topic or a title that promises
/// a reward.
/// </summary>
public sealed class NotificationsOptionsValidation : IValidateOptions<NotificationsOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        var problems = new List<string>(NotificationsOptionsValidator.Validate(options));
        try
        {
            _ = TopicCatalog.FromOptions(options.Topics, IncentiveWordList.From(options.IncentiveWords));
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }

        try
        {
            _ = PlatformProfile.Resolve(options.Profile, options.Profiles);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Distinct());
    }
}
