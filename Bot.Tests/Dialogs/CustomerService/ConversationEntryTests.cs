using ConversationBot.Dialogs.CustomerService;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

/// <summary>The front door's one grammar: what is an entry, and what is only untrusted text.</summary>
public sealed class ConversationEntryTests
{
    [Theory]
    [InlineData("get_started", ConversationEntryKind.Welcome, "", null)]
    [InlineData("dialog_returns", ConversationEntryKind.Dialog, "returns", null)]
    [InlineData("topic_weekly-deals", ConversationEntryKind.Topic, "weekly-deals", null)]
    [InlineData("topic_weekly-deals__src_store-zurich", ConversationEntryKind.Topic, "weekly-deals", "store-zurich")]
    [InlineData("get_started__src_poster=2", ConversationEntryKind.Welcome, "", "poster=2")]
    public void An_entry_is_read_and_written_back_the_same(string text, ConversationEntryKind kind, string target, string? source)
    {
        var entry = ConversationEntry.Parse(text);

        Assert.Equal(new ConversationEntry(kind, target, source), entry);
        Assert.Equal(text, entry!.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MENU_HANDOFF")]
    [InlineData("dialog_")]
    [InlineData("topic_weekly-deals__src_")]
    [InlineData("topic_weekly deals")]
    [InlineData("topic_weekly-deals\u0000")]
    [InlineData("dialog_returns\n")]
    [InlineData("topic_wöchentlich")]
    [InlineData("{\"choice\":\"returns\"}")]
    public void Anything_else_is_no_entry(string? text) => Assert.Null(ConversationEntry.Parse(text));

    [Fact]
    public void A_ref_longer_than_Meta_allows_is_no_entry() =>
        Assert.Null(ConversationEntry.Parse("topic_" + new string('a', 3_000)));

    [Fact]
    public void What_the_bot_writes_matches_Metas_ref_rule() =>
        Assert.Matches(ConversationEntry.Pattern, ConversationEntry.ForTopic("weekly-deals", "receipt").ToString());
}
