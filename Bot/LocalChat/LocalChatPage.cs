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

    /// <summary>The page's own script (LocalChatPage.js).</summary>
    public const string ScriptPath = LocalChatEndpoints.ConnectorPath + "/chat.js";

    /// <summary>
    /// The host's policy (Bot/Security/SecurityHeaders.cs) widened only as far as Web Chat needs: its
    /// script from the CDN, the styles it writes into the page, and the cards' images from anywhere.
    /// Inline script stays forbidden.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' https://cdn.botframework.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly Lazy<string> Page = new(() =>
        Embedded("LocalChatPage.html")
            .Replace("{{webChatScript}}", WebUtility.HtmlEncode(WebChatScript.ToString()), StringComparison.Ordinal)
            .Replace("{{chatScript}}", ScriptPath, StringComparison.Ordinal));

    private static readonly Lazy<string> ChatScript = new(() =>
        Embedded("LocalChatPage.js").Replace("{{directLinePath}}", LocalChatEndpoints.DirectLinePath, StringComparison.Ordinal));

    public static string Html() => Page.Value;

    public static string Script() => ChatScript.Value;

    private static string Embedded(string name)
    {
        using var stream = typeof(LocalChatPage).Assembly.GetManifestResourceStream("ConversationBot.Bot.LocalChat." + name)
            ?? throw new InvalidOperationException($"The chat page's {name} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
