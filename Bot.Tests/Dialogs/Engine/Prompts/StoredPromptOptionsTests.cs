using System.Text.Json;
using ConversationBot.Dialogs.Engine.Prompts;

namespace ConversationBot.Bot.Tests.Dialogs.Engine.Prompts;

public sealed class StoredPromptOptionsTests
{
    [Fact]
    public void Stored_options_read_back_as_they_were_written()
    {
        var written = new PromptOptions("Which one?") { RetryText = "Pick one, please.", Choices = [new Choice("a", "Apple", ["pomme", "Apfel"])] };

        var read = StoredPromptOptions.Read(JsonSerializer.Serialize(written));

        Assert.Equal("Which one?", read.Text);
        Assert.Equal("Pick one, please.", read.RetryText);
        var choice = Assert.Single(read.Choices);
        Assert.Equal(("a", "Apple"), (choice.Value, choice.Title));
        Assert.Equal(["pomme", "Apfel"], choice.Synonyms);
    }

    [Fact]
    public void The_same_stored_options_are_read_once_and_shared()
    {
        var json = JsonSerializer.Serialize(new PromptOptions("Shared?"));

        Assert.Same(StoredPromptOptions.Read(json), StoredPromptOptions.Read(new string(json.AsSpan())));
    }

    [Fact]
    public void Many_different_options_are_each_read_correctly()
    {
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal($"Question {i}", StoredPromptOptions.Read(JsonSerializer.Serialize(new PromptOptions($"Question {i}"))).Text);
        }
    }

    [Fact]
    public void Empty_stored_options_fail_loudly()
    {
        Assert.Throws<InvalidOperationException>(() => StoredPromptOptions.Read("null"));
    }
}
