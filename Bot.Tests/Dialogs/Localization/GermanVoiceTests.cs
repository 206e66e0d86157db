using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Dialogs.Localization;

/// <summary>
/// The bot speaks German with one voice: "du", the informal address an outdoor shop uses with its
/// customers, chosen once for everything a German customer reads (the cards in
/// Cards/Resources/CardStrings.de.resx, the dialogs in Dialogs/Resources/DialogStrings.de.resx and
/// the German defaults in Bot/appsettings.json). Mixing "Sie" and "du" inside one card is what a
/// customer saw in Web Chat (issue 17). The stop command is spelt the German way, „stopp“, wherever
/// a German text tells the customer what to type.
/// </summary>
public sealed partial class GermanVoiceTests
{
    public static TheoryData<string, string> GermanTexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var (where, text) in ReadGermanTexts())
        {
            data.Add(where, text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GermanTexts))]
    public void A_german_text_says_du_not_Sie(string where, string text) =>
        Assert.True(FormalAddress(text).Count == 0, $"{where} addresses the customer formally ({string.Join(", ", FormalAddress(text))}): \"{text}\"");

    [Theory]
    [MemberData(nameof(GermanTexts))]
    public void A_german_text_spells_the_stop_command_stopp(string where, string text) =>
        Assert.True(!EnglishStopCommand().IsMatch(text), $"{where} tells the customer to type the English \"stop\": \"{text}\"");

    [Theory]
    [InlineData("Wählen Sie unten ein Thema.", "Sie")]
    [InlineData("So erreichen Sie uns", "Sie")]
    [InlineData("Ich sage Ihnen, wo Ihre Bestellung steht.", "Ihnen, Ihre")]
    [InlineData("Ihr Paket ist unterwegs.", "Ihr")]
    public void The_check_finds_the_formal_address(string text, string found) =>
        Assert.Equal(found, string.Join(", ", FormalAddress(text)));

    [Theory]
    [InlineData("Wähle unten ein Thema oder schreib einfach deine Frage.")]
    [InlineData("Ich sage dir, wo deine Bestellung steht, und verbinde dich mit unserem Team.")]
    [InlineData("Wir senden sie dir zu.")]
    public void The_check_accepts_the_informal_address(string text) =>
        Assert.Empty(FormalAddress(text));

    [Fact]
    public void Every_source_of_german_text_is_read()
    {
        var sources = ReadGermanTexts().Select(t => t.Where.Split(':')[0]).Distinct().Order().ToList();

        Assert.Equal(["Bot/appsettings.json", "Cards/Resources/CardStrings.de.resx", "Dialogs/Resources/DialogStrings.de.resx"], sources);
        Assert.Contains(ReadGermanTexts(), t => t.Where == "Bot/appsettings.json:Notifications:Topics:order-updates:Texts:de:Title");
        Assert.Contains(ReadGermanTexts(), t => t.Where == "Bot/appsettings.json:Shop:Returns:de");
    }

    [Fact]
    public void The_stop_word_the_cards_quote_is_one_the_bot_understands()
    {
        var cards = Resx("Cards/Resources/CardStrings.de.resx");
        var dialogs = Resx("Dialogs/Resources/DialogStrings.de.resx");
        var understood = dialogs["Stop_CommandWords"].Split(';');

        var quoted = QuotedWord().Matches(cards["OptIn_HowToStop"] + " " + dialogs["OptIn_Allowed"]).Select(m => m.Groups["word"].Value).Where(w => w.StartsWith("stop", StringComparison.Ordinal)).Distinct().ToList();

        Assert.Equal(["stopp"], quoted);
        Assert.Contains("stopp", understood);
    }

    /// <summary>The capitalised polite pronouns: mid-sentence they are always formal, and the bot writes no sentence that starts with "Sie" meaning "they".</summary>
    internal static List<string> FormalAddress(string text) =>
        [.. FormalPronoun().Matches(text).Select(m => m.Value).Distinct()];

    private static IEnumerable<(string Where, string Text)> ReadGermanTexts()
    {
        foreach (var file in new[] { "Cards/Resources/CardStrings.de.resx", "Dialogs/Resources/DialogStrings.de.resx" })
        {
            foreach (var (name, value) in Resx(file))
            {
                // Word lists are what customers type, not what the bot says.
                if (!name.EndsWith("Words", StringComparison.Ordinal) && !name.EndsWith("Synonyms", StringComparison.Ordinal))
                {
                    yield return ($"{file}:{name}", value);
                }
            }
        }

        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.BotProject, "appsettings.json")))!;
        foreach (var (path, value) in Strings(settings, "Bot/appsettings.json"))
        {
            if (path.Split(':').Contains("de"))
            {
                yield return (path, value);
            }
        }
    }

    private static IEnumerable<(string Path, string Value)> Strings(JsonNode node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Strings(p.Value, $"{path}:{p.Key}")),
        JsonArray array => array.SelectMany((item, i) => item is null ? [] : Strings(item, $"{path}:{i}")),
        JsonValue value when value.TryGetValue<string>(out var text) => [(path, text)],
        _ => [],
    };

    private static Dictionary<string, string> Resx(string file) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, file)).Root!.Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Element("value")!);

    [GeneratedRegex(@"\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b")]
    private static partial Regex FormalPronoun();

    [GeneratedRegex(@"[„""'‚]stop\b(?!p)")]
    private static partial Regex EnglishStopCommand();

    [GeneratedRegex(@"[„""'‚](?<word>[^“""'‘]+)[“""'‘]")]
    private static partial Regex QuotedWord();
}
