using System.Collections;
using System.Globalization;
using ConversationBot.Cards.Resources;

namespace ConversationBot.Bot.Tests.Cards.Resources;

public class CardStringsTests
{
    private static Dictionary<string, string> Entries(string culture) =>
        CardStrings.ResourceManager.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);

    [Fact]
    public void Every_english_label_has_a_german_translation()
    {
        var english = Entries(CultureInfo.InvariantCulture.Name);
        var german = Entries("de");

        Assert.Equal(english.Keys.Order(), german.Keys.Order());
    }

    [Fact]
    public void German_labels_are_translated_not_copied()
    {
        var english = Entries(CultureInfo.InvariantCulture.Name);
        var german = Entries("de");

        var copied = english.Where(entry => german[entry.Key] == entry.Value).Select(entry => entry.Key);
        Assert.Empty(copied);
    }

    [Fact]
    public void Regional_cultures_fall_back_to_their_language()
    {
        Assert.Equal("Zugestellt", CardStrings.Get("Status_Delivered", CultureInfo.GetCultureInfo("de-AT")));
        Assert.Equal("Delivered", CardStrings.Get("Status_Delivered", CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("Delivered", CardStrings.Get("Status_Delivered", CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void A_missing_label_fails_loudly()
    {
        Assert.Throws<InvalidOperationException>(() => CardStrings.Get("No_such_label", CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        var english = Entries(CultureInfo.InvariantCulture.Name);
        var german = Entries("de");

        Assert.All(english, entry => Assert.Equal(
            entry.Value.Contains("{0}", StringComparison.Ordinal),
            german[entry.Key].Contains("{0}", StringComparison.Ordinal)));
    }
}
