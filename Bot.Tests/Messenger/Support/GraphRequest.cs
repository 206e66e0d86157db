using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Tests.Messenger.Support;

/// <summary>One Send API call as the fake Graph API received it: the page in the path, the access token, the JSON body.</summary>
public sealed record GraphRequest(string Page, string AccessToken, JsonObject Body)
{
    public string? RecipientId => Body["recipient"]?["id"]?.GetValue<string>();

    public string? MessagingType => Body["messaging_type"]?.GetValue<string>();

    public string? SenderAction => Body["sender_action"]?.GetValue<string>();
}
