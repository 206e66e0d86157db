using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.LocalChat;

/// <summary>The local chat's limits: in range, named by full key.</summary>
public sealed class LocalChatOptionsValidation() : SettingsValidator<LocalChatOptions>(LocalChatOptions.SectionName);
