using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Topics;

public sealed class TopicTextTests
{
    [Theory]
    [InlineData("Weekly deals from our shop", "Weekly deals", "Weekly deals")]
    [InlineData("Monthly newsletter", null, "Monthly newsletter")]
    [InlineData("Weekly deals from our shop", null, "Weekly deals from…")]
    [InlineData("Neuigkeiten zu deinen Bestellungen", " ", "Neuigkeiten zu…")]
    [InlineData("Donaudampfschifffahrtsgesellschaft", null, "Donaudampfschifffah…")]
    public void A_button_shows_the_short_title_else_the_title_when_it_fits_else_the_title_cut_at_a_word(string title, string? shortTitle, string button)
    {
        var text = new TopicText(title, "Description.", shortTitle);

        Assert.Equal(button, text.ButtonTitle);
        Assert.InRange(text.ButtonTitle.Length, 1, Topic.MaxShortTitleLength);
    }
}
