using System.Net;

namespace ConversationBot.Bot.LocalChat;

/// <summary>
/// The chat page: Microsoft's Web Chat from its CDN (a developer's browser fetches it), talking to
/// the host's own Direct Line endpoint, with a language switch. The browser tests load the same
/// version from the npm package (tools/chatpage/package.json) instead, and never the CDN.
/// </summary>
public static class LocalChatPage
{
    /// <summary>Web Chat's version; tools/chatpage/package.json installs the same one for the tests (a test keeps them equal).</summary>
    public const string WebChatVersion = "4.18.1";

    public static readonly Uri WebChatScript = new($"https://cdn.botframework.com/botframework-webchat/{WebChatVersion}/webchat.js");

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(LocalChatPage).Assembly.GetManifestResourceStream("ConversationBot.Bot.LocalChat.LocalChatPage.html")
            ?? throw new InvalidOperationException("The chat page is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Html() =>
        Template.Value
            .Replace("{{webChatScript}}", WebUtility.HtmlEncode(WebChatScript.ToString()), StringComparison.Ordinal)
            .Replace("{{directLinePath}}", LocalChatEndpoints.DirectLinePath, StringComparison.Ordinal);
}
