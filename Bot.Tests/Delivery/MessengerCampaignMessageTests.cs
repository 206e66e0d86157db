using ConversationBot.Bot.Delivery;
using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Tests.Delivery;

public sealed class MessengerCampaignMessageTests
{
    [Fact]
    public void Text_with_buttons_is_one_text_message_with_quick_replies()
    {
        var message = MessengerCampaignMessage.Build(new CampaignContent("Deals are in", null, [new CampaignButton("Show me", "offers"), new CampaignButton("Stop", "stop weekly deals")]));

        Assert.Equal(
            """{"text":"Deals are in","quick_replies":[{"content_type":"text","title":"Show me","payload":"offers"},{"content_type":"text","title":"Stop","payload":"stop weekly deals"}]}""",
            message.ToJsonString());
    }

    [Fact]
    public void Text_alone_has_no_quick_replies()
    {
        Assert.Equal("""{"text":"Deals are in"}""", MessengerCampaignMessage.Build(CampaignContent.TextOnly("Deals are in")).ToJsonString());
    }

    [Fact]
    public void An_image_makes_one_generic_template_element_with_postback_buttons()
    {
        var message = MessengerCampaignMessage.Build(new CampaignContent("Rain jackets -20%", new Uri("https://example.com/jackets.png"), [new CampaignButton("Show me", "offers")]));

        Assert.Equal(
            """{"attachment":{"type":"template","payload":{"template_type":"generic","elements":[{"title":"Rain jackets -20%","image_url":"https://example.com/jackets.png","buttons":[{"type":"postback","title":"Show me","payload":"offers"}]}]}}}""",
            message.ToJsonString());
    }
}
