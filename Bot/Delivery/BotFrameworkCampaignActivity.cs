using ConversationBot.Notifications.Campaigns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// A campaign as one Bot Framework message: the text, the image as a hero card, and the buttons as
/// suggested actions that post their payload back as the customer's message.
/// </summary>
public static class BotFrameworkCampaignActivity
{
    public static Activity Build(CampaignContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var activity = MessageFactory.Text(content.Text);
        if (content.ImageUrl is not null)
        {
            activity.Attachments = [new HeroCard(images: [new CardImage(content.ImageUrl.AbsoluteUri, content.Text)]).ToAttachment()];
        }

        if (content.Buttons.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions(
                actions: [.. content.Buttons.Select(b => new CardAction(ActionTypes.ImBack, b.Title, value: b.Payload))]);
        }

        return activity;
    }
}
