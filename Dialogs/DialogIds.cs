namespace ConversationBot.Dialogs;

/// <summary>The ids under which dialogs and prompts are registered; stored in conversation state, so never rename one lightly.</summary>
public static class DialogIds
{
    public const string MainMenu = "main-menu";
    public const string OrderStatus = "order-status";
    public const string Returns = "returns";
    public const string Contact = "contact";
    public const string Offers = "offers";
    public const string Handoff = "handoff";
    public const string Notifications = "notifications";

    public const string ChoicePrompt = "choice-prompt";
    public const string ConfirmPrompt = "confirm-prompt";
    public const string OrderNumberPrompt = "order-number-prompt";
}
