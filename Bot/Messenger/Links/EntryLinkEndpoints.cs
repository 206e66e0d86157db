using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationBot.Bot.Messenger.Links;

/// <summary>
/// <c>GET /api/admin/links?source=poster</c>: the m.me link of every dialog and topic (with the source
/// label in its ref); <c>GET /api/admin/links/{ref}/qr.svg</c> and <c>.png</c>: its QR code. A ref the
/// bot does not answer is 404; a source label that is not one, 400; no page handle configured, 409.
/// </summary>
public static class EntryLinkEndpoints
{
    public static RouteGroupBuilder MapEntryLinkEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/links", List).WithSummary("The m.me link of every dialog and topic, optionally with a source label (poster, receipt) in its ref, and where its QR codes are.");
        admin.MapGet("/links/{reference}/qr.svg", Svg).WithSummary("The QR code of a link, as SVG.");
        admin.MapGet("/links/{reference}/qr.png", Png).WithSummary("The QR code of a link, as PNG.");
        return admin;
    }

    private static Results<Ok<IReadOnlyList<EntryLink>>, ProblemHttpResult> List(string? source, EntryLinks links)
    {
        if (source is not null && !EntryLinks.SourcePattern.IsMatch(source))
        {
            return TypedResults.Problem("source is a label of 1 to 40 letters, digits, '-' or '='.", statusCode: StatusCodes.Status400BadRequest);
        }

        return links.PageHandle is null
            ? NoHandle()
            : TypedResults.Ok(links.All(source));
    }

    private static IResult Svg(string reference, EntryLinks links) =>
        Code(reference, links, link => Results.Text(links.Svg(link), "image/svg+xml"));

    private static IResult Png(string reference, EntryLinks links) =>
        Code(reference, links, link => Results.File(links.Png(link), "image/png"));

    private static IResult Code(string reference, EntryLinks links, Func<EntryLink, IResult> render)
    {
        if (links.PageHandle is null)
        {
            return NoHandle();
        }

        return links.Known(reference) is { } entry
            ? render(links.Link(entry))
            : TypedResults.Problem($"'{(reference.Length > 60 ? reference[..60] + "…" : reference)}' names no dialog or topic the bot answers.", statusCode: StatusCodes.Status404NotFound);
    }

    private static ProblemHttpResult NoHandle() =>
        TypedResults.Problem("Set Messenger:PageUsername (or Messenger:PageId): m.me links need the page.", statusCode: StatusCodes.Status409Conflict);
}
