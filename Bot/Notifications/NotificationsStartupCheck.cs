using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Notifications;

/// <summary>
/// Says at start-up which rules are in force and which products serve which subscriber regions, and
/// warns where a topic's promise cannot be kept or where neither product can deliver.
/// </summary>
public sealed partial class NotificationsStartupCheck(
    TopicCatalog catalog, PlatformProfile profile, MessengerReach reach, ILogger<NotificationsStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogProfile(logger, profile.Name, profile.Description, catalog.Topics.Count);
        foreach (var product in reach.Describe())
        {
            LogProduct(logger, product);
        }

        foreach (var warning in ProfileCompatibilityCheck.Warnings(catalog, reach))
        {
            LogWarning(logger, warning);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring notifications: profile {Profile} ({Description}), {TopicCount} topics")]
    private static partial void LogProfile(ILogger logger, string profile, string description, int topicCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Messenger products: {Product}")]
    private static partial void LogProduct(ILogger logger, string product);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recurring notifications: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
