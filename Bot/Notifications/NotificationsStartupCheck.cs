using ConversationBot.Notifications;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Topics;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Notifications;

/// <summary>Says at start-up which rules are in force, and warns where a topic's promise cannot be kept under them.</summary>
public sealed partial class NotificationsStartupCheck(
    TopicCatalog catalog, PlatformProfile profile, IOptions<NotificationsOptions> options, ILogger<NotificationsStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogProfile(logger, profile.Name, profile.Description, catalog.Topics.Count);
        foreach (var warning in ProfileCompatibilityCheck.Warnings(catalog, profile, options.Value.Region))
        {
            LogWarning(logger, warning);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring notifications: profile {Profile} ({Description}), {TopicCount} topics")]
    private static partial void LogProfile(ILogger logger, string profile, string description, int topicCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recurring notifications: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
