namespace ConversationBot.Bot.Tests.Cards;

/// <summary>Shares one CardCheckFixture (one install, one browser run) across every class that joins.</summary>
[CollectionDefinition(Name)]
public sealed class CardCheckCollectionDefinition : ICollectionFixture<CardCheckFixture>
{
    public const string Name = "Card check";
}
