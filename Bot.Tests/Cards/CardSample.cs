using System.Globalization;
using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Tests.Cards;

/// <param name="Name">Unique in the gallery; also the PNG's file name.</param>
/// <param name="CardType">The builder that made it, so the gallery can tell which cards it covers.</param>
public sealed record CardSample(string Name, Type CardType, CultureInfo Culture, JsonObject Card)
{
    public override string ToString() => Name;
}
