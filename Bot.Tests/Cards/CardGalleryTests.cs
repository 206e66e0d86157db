using ConversationBot.Cards;

namespace ConversationBot.Bot.Tests.Cards;

public class CardGalleryTests
{
    // The envelope, not a card the bot sends.
    private static readonly Type[] NotCards = [typeof(AdaptiveCard)];

    private static IEnumerable<Type> CardTypes() =>
        typeof(AdaptiveCard).Assembly.GetExportedTypes()
            .Where(type => type.Name.EndsWith("Card", StringComparison.Ordinal) && !NotCards.Contains(type));

    public static TheoryData<string> CardTypeNames => [.. CardTypes().Select(type => type.FullName!)];

    [Fact]
    public void The_cards_assembly_has_cards_to_find()
    {
        // Guards the reflection below: renaming the assembly or the suffix must not make it vacuous.
        Assert.Contains(typeof(OrderStatusCard), CardTypes());
    }

    [Theory]
    [MemberData(nameof(CardTypeNames))]
    public void Every_card_type_has_samples_in_every_language(string cardTypeName)
    {
        var samples = CardGallery.All.Where(sample => sample.CardType.FullName == cardTypeName).ToList();

        Assert.True(samples.Count > 0, $"{cardTypeName} has no sample in CardGallery, so the render test never sees it.");
        foreach (var culture in CardGallery.Languages)
        {
            Assert.Contains(samples, sample => sample.Culture.Equals(culture));
        }
    }

    [Fact]
    public void Sample_names_are_unique()
    {
        var duplicates = CardGallery.All.GroupBy(sample => sample.Name).Where(group => group.Count() > 1).Select(group => group.Key);

        Assert.Empty(duplicates);
    }
}
