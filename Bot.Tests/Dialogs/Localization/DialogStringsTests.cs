using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Bot.Tests.Dialogs.Localization;

public sealed partial class DialogStringsTests
{
    private static readonly string ResourceFolder = Path.Combine(RepositoryPaths.Root, "Dialogs", "Resources");

    [Fact]
    public void Every_text_exists_in_English_and_German_with_the_same_placeholders()
    {
        var english = Read("DialogStrings.resx");
        var german = Read("DialogStrings.de.resx");

        Assert.Equal(english.Keys.Order(), german.Keys.Order());
        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(german[key]), $"{key} is empty in German");
            Assert.Equal(Placeholders(text), Placeholders(german[key]));
        }
    }

    [Theory]
    [InlineData("de-CH", "de")]
    [InlineData("de", "de")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    [InlineData("not a locale!", "en")]
    public void A_locale_maps_to_a_language_the_bot_speaks(string? locale, string language) =>
        Assert.Equal(language, SupportedCultures.Resolve(locale, SupportedCultures.English).TwoLetterISOLanguageName);

    [Fact]
    public void Texts_are_read_for_the_culture_asked_for_not_the_threads()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        Assert.Equal("How can I help you?", Texts.For(SupportedCultures.English)["Menu_Prompt"]);
        Assert.Equal("Wie kann ich dir helfen?", Texts.For(CultureInfo.GetCultureInfo("de-AT"))["Menu_Prompt"]);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(ResourceFolder, file)).Root!.Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Element("value")!);

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
