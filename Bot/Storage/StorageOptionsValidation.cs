using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Storage;

/// <summary>The settings both back ends read: their declared requirements, named by full key.</summary>
public sealed class StorageOptionsValidation() : SettingsValidator<StorageOptions>(StorageOptions.SectionName);
