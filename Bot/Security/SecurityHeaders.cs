namespace ConversationBot.Bot.Security;

/// <summary>
/// Response headers for what a browser shows. Every response gets X-Content-Type-Options (so nothing
/// is sniffed into HTML or script); HTML responses also get a Content-Security-Policy that allows
/// scripts and styles only from the host's own files (no inline script), no framing by any page, and
/// a Referrer-Policy that sends no URL to other sites.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy for a page whose form leads to another site on purpose (the console's sign-in posts to
    /// a handler that redirects to Microsoft Entra ID, and a browser checks form-action along the redirects).
    /// </summary>
    public static string AllowingFormsTo(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origin.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                Apply(http.Response);
                return Task.CompletedTask;
            });
            return next(http);
        });

    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A page that sets its own policy keeps it: the Development chat page (Bot/LocalChat/LocalChatPage.cs) needs Web Chat's CDN.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
        }
    }
}
