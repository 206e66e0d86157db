using ConversationBot.Bot.Messenger.Profile;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ConversationBot.Bot.Tests.Messenger.Profile;

/// <summary>Meta's limits on the Page profile, checked at start-up with the setting named in every problem.</summary>
public sealed class MessengerProfileValidationTests
{
    [Fact]
    public void The_shipped_profile_is_valid()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryPaths.BotProject, "appsettings.json")).Build();
        var shipped = configuration.GetSection(MessengerProfileOptions.SectionName).Get<MessengerProfileOptions>()!;

        Assert.Equal([], Problems(shipped));
        Assert.Equal(["de_DE", "default"], shipped.PersistentMenu.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("get_started", shipped.GetStarted);
    }

    [Fact]
    public void A_menu_title_of_31_characters_is_named_with_its_setting()
    {
        var options = Valid();
        options.PersistentMenu["de_DE"][1] = new ProfileMenuItem { Title = new string('x', 31), Payload = "dialog_returns" };

        Assert.Equal(["Messenger:Profile:PersistentMenu:de_DE:1:Title is 31 characters; Messenger allows 30"], Problems(options));
    }

    [Fact]
    public void Five_ice_breakers_are_one_too_many()
    {
        var options = Valid();
        options.IceBreakers["default"].Add(new ProfileIceBreaker { Question = "And a fifth?", Payload = "dialog_contact" });

        Assert.Equal(["Messenger:Profile:IceBreakers:default has 5 questions; Messenger allows 4"], Problems(options));
    }

    [Fact]
    public void Every_localized_list_needs_a_default_locale()
    {
        var options = Valid();
        options.Greeting.Remove("default");

        Assert.Equal(["Messenger:Profile:Greeting needs a 'default' locale: Messenger shows it to everyone whose language has no entry"], Problems(options));
    }

    [Fact]
    public void A_menu_needs_Get_Started()
    {
        var options = new MessengerProfileOptions
        {
            PersistentMenu = new() { ["default"] = [new ProfileMenuItem { Title = "Order status", Payload = "dialog_order-status" }] },
        };

        Assert.Contains(Problems(options), p => p.StartsWith("Messenger:Profile:PersistentMenu needs Messenger:Profile:GetStarted", StringComparison.Ordinal));
    }

    [Fact]
    public void Payloads_are_entries_the_bot_answers_and_links_are_https()
    {
        var options = Valid();
        options.PersistentMenu["default"][0] = new ProfileMenuItem { Title = "Orders", Payload = "MENU_ORDER_STATUS" };
        options.PersistentMenu["default"][1] = new ProfileMenuItem { Title = "Returns", Payload = "dialog_refunds" };
        options.PersistentMenu["default"][2] = new ProfileMenuItem { Title = "Shop", Url = new Uri("http://shop.example.com") };
        options.Greeting["de_DE"] = new string('ä', 161);

        Assert.Equal(
            [
                "Messenger:Profile:Greeting:de_DE is 161 characters; Messenger allows 160",
                "Messenger:Profile:PersistentMenu:default:0:Payload 'MENU_ORDER_STATUS' is not an entry the bot answers (get_started, dialog_<item>, topic_<topic>)",
                "Messenger:Profile:PersistentMenu:default:1:Payload names no menu item: refunds (known: order-status, returns, contact, offers, handoff, notifications)",
                "Messenger:Profile:PersistentMenu:default:2:Url must be an absolute https link",
            ],
            Problems(options));
    }

    private static List<string> Problems(MessengerProfileOptions options) =>
        [.. new MessengerProfileOptionsValidation().Validate(null, options).Failures ?? []];

    private static readonly string[] IceBreakerPayloads = ["dialog_order-status", "dialog_returns", "dialog_contact", "dialog_handoff"];
    private static readonly string[] MenuPayloads = ["dialog_order-status", "dialog_returns", "dialog_notifications"];

    private static MessengerProfileOptions Valid() => new()
    {
        GetStarted = "get_started",
        Greeting = new() { ["default"] = "Hi {{user_first_name}}!", ["de_DE"] = "Hallo {{user_first_name}}!" },
        IceBreakers = new()
        {
            ["default"] = [.. IceBreakerPayloads.Select(p => new ProfileIceBreaker { Question = p, Payload = p })],
        },
        PersistentMenu = new()
        {
            ["default"] = [.. MenuPayloads.Select(p => new ProfileMenuItem { Title = p, Payload = p })],
            ["de_DE"] = [.. MenuPayloads.Select(p => new ProfileMenuItem { Title = p, Payload = p })],
        },
    };
}
