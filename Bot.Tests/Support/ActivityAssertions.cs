using ConversationBot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>What the customer sees in a reply, read the way a test wants to check it.</summary>
public static class ActivityAssertions
{
    public static IReadOnlyList<string> SuggestedTitles(this IActivity activity) =>
        ((IMessageActivity)activity).SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];

    public static string TextOf(this IActivity activity) => ((IMessageActivity)activity).Text ?? string.Empty;

    /// <summary>The adaptive card of a reply, as JSON text (fails when the reply has none).</summary>
    public static string AdaptiveCardJson(this IActivity activity)
    {
        var attachment = Assert.Single(((IMessageActivity)activity).Attachments ?? []);
        Assert.Equal(AdaptiveCard.ContentType, attachment.ContentType);
        return Assert.IsType<JObject>(attachment.Content).ToString(Newtonsoft.Json.Formatting.None);
    }

    public static void HasAdaptiveCardContaining(this IActivity activity, params string[] expected)
    {
        var json = activity.AdaptiveCardJson();
        foreach (var text in expected)
        {
            Assert.Contains(text, json, StringComparison.Ordinal);
        }
    }

    public static IReadOnlyList<HeroCard> HeroCards(this IActivity activity) =>
        (((IMessageActivity)activity).Attachments ?? [])
            .Where(a => a.ContentType == HeroCard.ContentType)
            .Select(a => a.Content as HeroCard ?? JObject.FromObject(a.Content).ToObject<HeroCard>()!)
            .ToList();
}
