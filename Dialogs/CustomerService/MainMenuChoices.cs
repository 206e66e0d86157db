using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>The main menu as a choice set: its prompt stores this name, not the menu with its synonyms in both languages.</summary>
public sealed class MainMenuChoices : IChoiceSet
{
    public const string SetName = "main-menu";

    public string Name => SetName;

    public IReadOnlyList<Choice> ChoicesIn(Texts texts) => MainMenuDialog.Choices(texts);
}
