using System.Globalization;
using System.Net;
using System.Text;
using ConversationBot.Bot.Funnel;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// The funnel by source as an SVG bar chart drawn on the server: one row per entry, one bar per step,
/// all on one scale. No script and no CDN (the console must work on a closed network); the same
/// figures are in the table beside it, which is what a screen reader reads (the chart is labelled as
/// an image with a summary).
/// </summary>
public static class FunnelChart
{
    private const int LabelWidth = 260;
    private const int BarArea = 420;
    private const int BarHeight = 10;
    private const int RowHeight = 64;

    private static readonly (string Name, string Colour)[] Steps =
    [
        ("entered", "#33577a"),
        ("conversations", "#3d7a5c"),
        ("offers shown", "#8a6d1f"),
        ("opt-ins", "#2e6f8f"),
        ("stops", "#9b3b3b"),
    ];

    public static string Svg(IReadOnlyList<FunnelEntryView> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var max = Math.Max(1, entries.Select(e => Math.Max(Math.Max(e.Entered, e.Conversations), Math.Max(e.OffersShown, Math.Max(e.OptIns, e.Stops)))).DefaultIfEmpty(0).Max());
        var height = 30 + (entries.Count * RowHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"funnel-title funnel-desc\" viewBox=\"0 0 {LabelWidth + BarArea + 60} {height}\" width=\"100%\">");
        svg.Append("<title id=\"funnel-title\">Funnel by source</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"funnel-desc\">{entries.Count} sources; the table below has every figure.</desc>");
        for (var s = 0; s < Steps.Length; s++)
        {
            var x = LabelWidth + (s * 105) - 200;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{Steps[s].Colour}\"/><text x=\"{x + 14}\" y=\"13\" font-size=\"11\" fill=\"#222\">{Steps[s].Name}</text>");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var top = 30 + (i * RowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 12}\" font-size=\"12\" fill=\"#222\">{WebUtility.HtmlEncode(entry.Ref)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 28}\" font-size=\"11\" fill=\"#555\">{WebUtility.HtmlEncode(entry.Source ?? "(no label)")}</text>");
            long[] values = [entry.Entered, entry.Conversations, entry.OffersShown, entry.OptIns, entry.Stops];
            for (var s = 0; s < values.Length; s++)
            {
                var y = top + (s * (BarHeight + 1));
                var width = Math.Max(values[s] > 0 ? 2 : 0, (int)Math.Round(BarArea * (double)values[s] / max));
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{BarHeight}\" fill=\"{Steps[s].Colour}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 4}\" y=\"{y + 9}\" font-size=\"10\" fill=\"#222\">{values[s]}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
