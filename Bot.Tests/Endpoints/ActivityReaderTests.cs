using System.Text;
using ConversationBot.Bot.Endpoints;
using Microsoft.AspNetCore.Http;

namespace ConversationBot.Bot.Tests.Endpoints;

/// <summary>A refusal says where the body is wrong, never what it says: the reason is logged, and a body can hold a customer's words.</summary>
public sealed class ActivityReaderTests
{
    [Theory]
    [InlineData("""{"type":"message","timestamp":"Alice Smith, Elm Street 5","channelId":"emulator","conversation":{"id":"c1"},"from":{"id":"u1"},"serviceUrl":"http://127.0.0.1:9"}""", "'timestamp'")]
    [InlineData("""{"type":"message","text":"Alice Smith" Elm Street}""", "line 1")]
    public async Task A_refusal_names_the_place_but_not_the_content(string body, string place)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));

        var read = await ActivityReader.ReadAsync(http.Request, 256 * 1024, CancellationToken.None);

        Assert.Null(read.Activity);
        Assert.Contains(place, read.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", read.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm", read.Error, StringComparison.Ordinal);
    }
}
