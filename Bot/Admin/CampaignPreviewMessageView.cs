using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// What a subscriber in <see cref="Language"/> would get: the version it is (<see cref="Version"/>: that
/// language's, or the default's), as the Send API body on Messenger (the token shown as a placeholder)
/// and as the activity a Bot Framework channel gets, both from the builders the sends use.
/// </summary>
public sealed record CampaignPreviewMessageView(string Language, string Version, JsonObject Messenger, JsonNode BotFramework);
