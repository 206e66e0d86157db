using System.Globalization;
using System.Text;
using ConversationBot.Notifications.Activity;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// Campaign messages per UTC day by outcome (sent, skipped, failed) over every topic, as stacked SVG bars
/// drawn on the server, one per day of the period, on one scale. Like <see cref="FunnelChart"/>: no script,
/// labelled as an image, every figure also in the table under it.
/// </summary>
public static class DeliveriesChart
{
    private const int Left = 40;
    private const int BarWidth = 14;
    private const int Gap = 4;
    private const int Height = 160;
    private const int Top = 24;

    private static readonly (string Name, string Colour)[] Outcomes = [("sent", "#2e6f8f"), ("skipped", "#8a6d1f"), ("failed", "#9b3b3b")];

    /// <param name="days">Every day of the period, oldest first, with the counts of all topics.</param>
    public static string Svg(IReadOnlyList<(DateOnly Day, TopicDayCounts Counts)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var max = Math.Max(1, days.Select(d => d.Counts.Sent + d.Counts.Skipped + d.Counts.Failed).DefaultIfEmpty(0).Max());
        var width = Left + (days.Count * (BarWidth + Gap)) + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"deliveries-title deliveries-desc\" viewBox=\"0 0 {width} {Top + Height + 30}\" width=\"100%\">");
        svg.Append("<title id=\"deliveries-title\">Campaign messages per day by outcome</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"deliveries-desc\">{days.Count} days, at most {max} messages a day; the table below has every figure.</desc>");
        for (var o = 0; o < Outcomes.Length; o++)
        {
            var x = Left + (o * 80);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{Outcomes[o].Colour}\"/><text x=\"{x + 14}\" y=\"13\" font-size=\"11\" fill=\"#222\">{Outcomes[o].Name}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Top + 10}\" font-size=\"10\" fill=\"#222\">{max}</text><text x=\"0\" y=\"{Top + Height}\" font-size=\"10\" fill=\"#222\">0</text>");
        for (var i = 0; i < days.Count; i++)
        {
            var (day, counts) = days[i];
            var x = Left + (i * (BarWidth + Gap));
            var bottom = Top + Height;
            foreach (var (value, colour) in new[] { (counts.Sent, Outcomes[0].Colour), (counts.Skipped, Outcomes[1].Colour), (counts.Failed, Outcomes[2].Colour) })
            {
                var h = (int)Math.Round(Height * (double)value / max);
                if (value > 0)
                {
                    h = Math.Max(h, 1);
                    bottom -= h;
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{bottom}\" width=\"{BarWidth}\" height=\"{h}\" fill=\"{colour}\"/>");
                }
            }

            if (i % 7 == 0 || i == days.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{Top + Height + 14}\" font-size=\"9\" fill=\"#222\">{day:MM-dd}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
