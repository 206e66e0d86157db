using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Dialogs.Handoff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// A hand-off's transcript over the Emulator's protocol: the last lines before the customer asked for a
/// person come along as context, every message after it is kept with the hand-off, and none of it is logged.
/// </summary>
public sealed class HandoffTranscriptTests : EmulatorTest
{
    private const string Secret = "my card number is 4111 1111";

    private readonly RecordedLog _log = new();

    [Fact]
    public async Task The_transcript_starts_with_the_last_ten_lines_before_the_hand_off_and_keeps_every_message_after_it()
    {
        await using var host = BotHost.Start(Database.FilePath, replaceServices: services => services.AddSingleton<ILoggerProvider>(_log));
        var customer = new EmulatorClient(host, Channel);
        (await customer.OpenAsync()).EnsureSuccessStatusCode();
        foreach (var text in new[] { "help", "opening hours", "returns", "where is my order 10045?" })
        {
            await customer.SayAndReadAsync(text);
        }

        var handedOff = await customer.SayAndReadAsync("talk to a person");
        Assert.Contains("colleague", Assert.Single(handedOff).Text, StringComparison.Ordinal);
        Assert.Empty(await customer.SayAndReadAsync("hello, anyone there?"));
        Assert.Empty(await customer.SayAndReadAsync(Secret));

        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListAsync(CancellationToken.None), h => h.ConversationId == customer.ConversationId);
        Assert.Equal(("en", customer.UserId), (handoff.Language, handoff.CustomerId));
        Assert.Contains(Channel.ServiceUrl.Authority, handoff.ConversationReference, StringComparison.Ordinal);
        var lines = await host.Services.GetRequiredService<IHandoffTranscriptStore>().ReadAsync(handoff, CancellationToken.None);

        var context = lines.Where(l => l.BeforeHandoff).ToList();
        // The last ten lines before the request (older ones fell off), then the request and its answer.
        Assert.Equal(RecentLinesCount + 2, context.Count);
        Assert.Equal((TranscriptAuthor.Customer, "talk to a person"), (context[^2].Author, context[^2].Text));
        Assert.Equal((TranscriptAuthor.Bot, handedOff[0].Text), (context[^1].Author, context[^1].Text));
        Assert.Contains(context, l => l.Author == TranscriptAuthor.Customer && l.Text == "where is my order 10045?");
        Assert.Equal(
            [(TranscriptAuthor.Customer, "hello, anyone there?"), (TranscriptAuthor.Customer, Secret)],
            lines.Where(l => !l.BeforeHandoff).Select(l => (l.Author, l.Text)));
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains(Secret, StringComparison.Ordinal) || e.Message.Contains("anyone there", StringComparison.Ordinal));
    }

    private const int RecentLinesCount = ConversationBot.Bot.Conversation.RecentLines.PerConversation;
}
