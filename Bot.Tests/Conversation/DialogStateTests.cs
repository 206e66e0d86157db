using ConversationBot.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Conversation;

/// <summary>
/// What a conversation keeps between turns: the menu's prompt stores the menu by name (not its titles
/// and synonyms in both languages, on every turn), and a dialog stack stored by an older version of
/// the bot is dropped cleanly: the customer is back at the menu instead of a question read the wrong way.
/// </summary>
public sealed class DialogStateTests
{
    private const string StateKey = "test/conversations/conversation-1";

    [Fact]
    public async Task The_menus_prompt_stores_the_menu_by_name_and_still_understands_an_answer()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale: "de-DE");
        await harness.Flow(adapter).Send("hallo").AssertReply(_ => { }).StartTestAsync();

        var state = await StoredAsync(harness.Storage);
        Assert.Contains("main-menu", state.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Synonyms", state.ToString(), StringComparison.Ordinal);
        Assert.True(state.ToString(Newtonsoft.Json.Formatting.None).Length < 1_000, state.ToString());

        await harness.Flow(adapter)
            .Send("Bestellstatus")
            .AssertReply(reply => Assert.StartsWith("Wie lautet deine Bestellnummer", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_dialog_stack_stored_by_an_older_version_is_dropped_and_the_customer_is_back_at_the_menu()
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation();
        await harness.Flow(adapter)
            .Send("order status")
            .AssertReply(reply => Assert.StartsWith("What's your order number?", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();

        // As a version that kept no version number stored it.
        var state = await StoredAsync(harness.Storage);
        ((JObject)state["dialogStack"]!).Remove("Version");
        await harness.Storage.WriteAsync(new Dictionary<string, object> { [StateKey] = state });

        await harness.Flow(adapter)
            .Send("hi")
            .AssertReply("How can I help you?")
            .StartTestAsync();
        Assert.Equal(2, (await StoredAsync(harness.Storage))["dialogStack"]!["Version"]!.Value<int>());
    }

    private static async Task<JObject> StoredAsync(IStorage storage) =>
        JObject.FromObject((await storage.ReadAsync([StateKey]))[StateKey]);
}
