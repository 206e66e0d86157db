using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.BotFramework;

/// <summary>The connector cache's settings: their declared ranges, named by full key.</summary>
public sealed class ConnectorCacheOptionsValidation() : SettingsValidator<ConnectorCacheOptions>(ConnectorCacheOptions.SectionName);
