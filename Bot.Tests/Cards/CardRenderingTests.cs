using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.Cards;

/// <summary>
/// Every gallery card through the official Adaptive Cards library (tools/cardcheck): parsed and
/// validated with zero events, and rendered in headless Chromium to something visible.
/// </summary>
[Collection(CardCheckCollectionDefinition.Name)]
public class CardRenderingTests(CardCheckFixture check, ITestOutputHelper output)
{
    [Fact]
    public void Checker_passes_the_whole_gallery()
    {
        output.WriteLine($"check-cards.mjs took {check.CheckDuration.TotalSeconds:F1} s; PNGs in {check.PngFolder}");

        Assert.True(check.ExitCode == 0, $"check-cards.mjs exited {check.ExitCode}:\n{check.Output}");
        Assert.Equal(CardGallery.All.Count, check.Results.Count);
    }

    [Theory]
    [MemberData(nameof(CardGallery.Names), MemberType = typeof(CardGallery))]
    public void Card_parses_without_validation_events(string name)
    {
        var result = ResultFor(name);

        var events = result["validationEvents"]!.AsArray();
        Assert.True(events.Count == 0, $"{name}: {events.ToJsonString()}");
        Assert.True((bool)result["ok"]!, $"{name}: {result.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(CardGallery.Names), MemberType = typeof(CardGallery))]
    public void Card_renders_visibly(string name)
    {
        var result = ResultFor(name);

        var rendered = result["rendered"] as System.Text.Json.Nodes.JsonObject;
        Assert.True(rendered is not null, $"{name} did not render: {result.ToJsonString()}");
        Assert.True((int)rendered["height"]! > 0, $"{name} rendered with no height: {result.ToJsonString()}");
        Assert.True((int)rendered["textLength"]! > 0, $"{name} rendered no text: {result.ToJsonString()}");
    }

    private System.Text.Json.Nodes.JsonObject ResultFor(string name) =>
        check.Results.TryGetValue(name, out var result)
            ? result
            : throw new Xunit.Sdk.XunitException($"check-cards.mjs printed no result for {name}:\n{check.Output}");
}
