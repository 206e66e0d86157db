using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Cards.Resources;
using static ConversationBot.Cards.CardElements;

namespace ConversationBot.Cards;

/// <summary>
/// Asks the customer whether they want messages on one topic. Says what and how often, and how to
/// stop, and nothing else: Messenger forbids incentives in opt-in requests
/// (docs/messenger-platform.md §2), and the same honesty applies on every channel. "Not now" is a real answer the
/// dialog can record (the decline cooldown), not a dismissal, so it is a button too.
/// </summary>
public static class OptInOfferCard
{
    public static JsonObject Build(OptInOfferCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.TopicId);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.Description);

        var title = model.Title.Trim();
        var body = new JsonArray();
        if (model.ImageUrl is not null)
        {
            body.Add(Image(model.ImageUrl, title, size: "Stretch"));
        }
        body.Add(TextBlock(title, size: "Medium", weight: "Bolder"));
        body.Add(TextBlock(model.Description.Trim(), spacing: "Small"));
        body.Add(TextBlock(FrequencyLabel.For(model.Frequency, culture), subtle: true));
        body.Add(TextBlock(CardStrings.Get("OptIn_HowToStop", culture), subtle: true, spacing: "None"));

        var actions = new JsonArray
        {
            Submit(CardStrings.Get("OptIn_Allow", culture), Answer(OptInSubmission.Allow, model.TopicId)),
            Submit(CardStrings.Get("OptIn_NotNow", culture), Answer(OptInSubmission.Decline, model.TopicId)),
        };

        return AdaptiveCard.Create(body, actions);
    }

    private static JsonObject Answer(string answer, string topicId) => new()
    {
        [OptInSubmission.Field] = answer,
        [OptInSubmission.TopicField] = topicId,
    };
}
