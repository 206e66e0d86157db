using ConversationBot.Dialogs.Shop;

namespace ConversationBot.Bot.Hosting.Settings;

/// <summary>The shop's details: their declared requirements, named by full key.</summary>
public sealed class ShopOptionsValidation() : SettingsValidator<ShopOptions>(ShopOptions.SectionName);
