using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>
/// Reads what an Adaptive Card's Action.Submit sent. The Emulator and Web Chat post the action's
/// data (merged with the card's inputs) as the activity's value, with no text.
/// </summary>
public static class CardSubmission
{
    public static string? Field(IActivity activity, string name) =>
        activity is IMessageActivity { Value: JObject value } && value.TryGetValue(name, StringComparison.Ordinal, out var token)
            ? token.Type == JTokenType.String ? token.Value<string>() : token.ToString()
            : null;
}
