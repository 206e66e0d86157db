using System.Text.RegularExpressions;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Notifications.Topics;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ConversationBot.Bot.Messenger.Links;

/// <summary>
/// The m.me links of the Page, one per menu dialog and per topic, with an optional source label per
/// placement (poster, receipt, e-mail) so the way in can be told apart later: the link's <c>ref</c> is
/// an entry (Dialogs/CustomerService/ConversationEntry.cs), which the bot answers when the person opens
/// the chat (docs/messenger-platform.md §9). Each link as a QR code, SVG and PNG (QRCoder, error
/// correction M: a printed code survives a smudge).
/// </summary>
public sealed partial class EntryLinks(TopicCatalog topics, KnownEntries known, IOptions<MessengerOptions> options)
{
    /// <summary>What a source label may be: short, and without the <c>__src_</c> separator's underscore.</summary>
    public static readonly Regex SourcePattern = SourceLabel();

    /// <summary>m.me accepts the page's username or its id; null when neither is configured.</summary>
    public string? PageHandle =>
        options.Value.PageUsername is { Length: > 0 } username ? username
        : options.Value.PageId is { Length: > 0 } id ? id.Trim()
        : null;

    public IReadOnlyList<EntryLink> All(string? source)
    {
        var entries = MainMenuDialog.ItemNames.Select(item => ConversationEntry.ForDialog(item, source))
            .Concat(topics.Topics.Where(t => t.Id != Topic.UnknownId).Select(t => ConversationEntry.ForTopic(t.Id, source)));
        return [.. entries.Select(Link)];
    }

    /// <summary>The entry a ref names, when the bot answers it (a known dialog or topic); null otherwise.</summary>
    public ConversationEntry? Known(string? reference) => known.Find(reference);

    public EntryLink Link(ConversationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var reference = entry.ToString();
        var url = new Uri($"https://m.me/{Uri.EscapeDataString(PageHandle ?? throw new InvalidOperationException("No page handle."))}?ref={reference}");
        var escaped = Uri.EscapeDataString(reference);
        return new EntryLink(entry.Kind.ToString().ToLowerInvariant(), entry.Target, entry.Source, reference, url, $"/api/admin/links/{escaped}/qr.svg", $"/api/admin/links/{escaped}/qr.png");
    }

    public string Svg(EntryLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        using var data = QRCodeGenerator.GenerateQrCode(link.Url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }

    public byte[] Png(EntryLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        using var data = QRCodeGenerator.GenerateQrCode(link.Url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    [GeneratedRegex(@"\A[A-Za-z0-9=-]{1,40}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLabel();
}
